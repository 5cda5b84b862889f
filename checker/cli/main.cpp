// doichieu — command line.
//
//   doichieu check   [options] INPUT...     reports of one event -> findings (exit 0 ok, 1 findings, 2 error)
//   doichieu extract [options] INPUT...     the facts found
//   doichieu extract --jsonl [--signature] JSON Lines {"id","text","published"?} on stdin -> {"id","facts"} lines
//
// INPUT is a .txt/.md/.html file, a .jsonl file of articles ({"id","text"|"html","event"?,...}; articles of
// one "event" are checked together), a directory (walked recursively) or - for standard input.
// Exit codes: 0 no finding at or above --fail-level; 1 at least one; 2 usage, input or configuration error
// (the message on stderr names the file and, where it applies, the line and column).
//
// CLI11 parses the arguments; fmt formats the progress line. Options given on the command line win over
// .doichieu.json, which wins over the built-in defaults.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <doichieu/engine.hpp>
#include <doichieu/input.hpp>
#include <doichieu/reports/reporter.hpp>

#include "corpus_command.hpp"
#include <doichieu/server.hpp>

namespace {

namespace in = doichieu::input;
using doichieu::error_kind;

constexpr int exit_ok = 0, exit_findings = 1, exit_error = 2;

struct options {
  std::string command;
  std::optional<std::string> format, fail_level, color, lang, data_dir, output;
  std::string published, config_path, changed_since;
  std::vector<std::string> disabled;
  bool no_config = false, jsonl = false, signature = false, verbose = false, list_suppressions = false;
  std::string progress = "auto";
  std::string stdin_format = "txt";
  std::vector<std::string> files;
};

int report_error(const doichieu::error& e) {
  std::cerr << "doichieu: " << e.describe() << '\n';
  return exit_error;
}

int usage_error(const std::string& message, const CLI::App& app) {
  std::cerr << "doichieu: " << message << "\n" << app.help();
  return exit_error;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Writes through a temporary file in the target's directory and renames it over the target, so a reader
// (or a CI step) never sees half a report, and a failed run leaves the old file untouched.
doichieu::status write_atomically(const std::string& path, const std::string& bytes) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return doichieu::make_error(error_kind::io, "cannot write: " + std::string(std::strerror(errno)), {path, {}, 0, 0});
    out << bytes;
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return doichieu::make_error(error_kind::io, "write failed", {path, {}, 0, 0});
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return doichieu::make_error(error_kind::io, "cannot replace: " + ec.message(), {path, {}, 0, 0});
  }
  return doichieu::ok;
}

// Files changed in git since REV (committed, staged, unstaged and untracked), as canonical paths. git runs
// in `where` (the directory of the first input), so the repository is the inputs' one, not the caller's.
doichieu::result<std::set<std::string>> changed_since(const std::string& rev, const std::string& where) {
  namespace fs = std::filesystem;
  if (rev.empty() || rev[0] == '-') return doichieu::make_error(error_kind::usage, "--changed-since needs a revision");
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  auto run = [&](const std::string& args) -> std::optional<std::string> {
    const std::string cmd = "git -C " + quote(where) + " " + args + " 2>/dev/null";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return std::nullopt;
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    return ::pclose(p) == 0 ? std::optional<std::string>(out) : std::nullopt;
  };
  auto top = run("rev-parse --show-toplevel");
  if (!top || top->empty())
    return doichieu::make_error(error_kind::usage, "--changed-since: " + where + " is not inside a git work tree");
  std::string root = top->substr(0, top->find('\n'));
  if (!run("rev-parse --verify --quiet " + quote(rev + "^{commit}")))
    return doichieu::make_error(error_kind::usage, "--changed-since: git does not know revision '" + rev + "' in " + root);
  auto diff = run("diff --name-only -z " + quote(rev) + " --");
  if (!diff) return doichieu::make_error(error_kind::usage, "--changed-since: git diff " + rev + " failed in " + root);
  auto untracked = run("ls-files --others --exclude-standard -z --full-name :/");
  std::set<std::string> out;
  for (const std::string* list : {&*diff, untracked ? &*untracked : nullptr}) {
    if (!list) continue;
    std::size_t pos = 0;
    while (pos < list->size()) {
      std::size_t end = list->find('\0', pos);
      if (end == std::string::npos) end = list->size();
      std::error_code ec;
      if (end > pos) out.insert(fs::weakly_canonical(fs::path(root) / list->substr(pos, end - pos), ec).string());
      pos = end + 1;
    }
  }
  return out;
}

// One line redrawn in place on stderr: only on a terminal, so logs and CI stay clean.
class progress_line {
 public:
  progress_line(bool enabled, std::size_t total) : enabled_(enabled && total > 1), total_(total) {}
  void step(const std::string& what) {
    if (!enabled_) return;
    ++done_;
    const std::size_t width = 24, filled = width * done_ / total_;
    fmt::print(stderr, "\r[{}{}] {}/{} {:.40}\x1b[K", std::string(filled, '#'), std::string(width - filled, '.'),
               done_, total_, what);
    std::fflush(stderr);
  }
  ~progress_line() {
    if (enabled_ && done_) fmt::print(stderr, "\r\x1b[K");
  }

 private:
  bool enabled_;
  std::size_t total_, done_ = 0;
};

// Streaming mode: one JSON line in, one line out, constant memory. A bad line gets an error line and the
// stream goes on.
// With `with_signature` (the map step of checker/examples/mapreduce), each answer also carries the article's
// grouping signature, so events can be found later from the map output alone.
int run_jsonl(const doichieu::engine& eng, bool with_signature) {
  std::string line;
  std::size_t line_number = 0;
  std::ios::sync_with_stdio(false);
  const auto dump = [](const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::ordered_json out;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      out["line"] = line_number;
      out["error"] = "line " + std::to_string(line_number) + ": not a JSON object";
      std::cout << dump(out) << '\n';
      continue;
    }
    if (j.contains("id")) out["id"] = j["id"];
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      out["line"] = line_number;
      out["error"] = "line " + std::to_string(line_number) + ": missing string field \"text\"";
      std::cout << dump(out) << '\n';
      continue;
    }
    std::optional<doichieu::civil_time> published;
    if (auto p = j.find("published"); p != j.end() && p->is_string()) {
      published = doichieu::parse_iso_time(p->get<std::string>());
      if (!published) {
        out["line"] = line_number;
        out["error"] = "line " + std::to_string(line_number) + ": \"published\" is not an ISO date: " +
                       p->get<std::string>();
        std::cout << dump(out) << '\n';
        continue;
      }
    }
    std::string id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump())
                                      : std::to_string(line_number);
    auto ex = eng.extract({id, text->get<std::string>(), published});
    if (!ex) {
      out["line"] = line_number;
      out["error"] = ex.error().describe();
    } else {
      nlohmann::ordered_json facts = nlohmann::ordered_json::array();
      for (const auto& f : ex->facts)
        facts.push_back(nlohmann::ordered_json::parse(doichieu::reports::fact_to_json_line(f, id)));
      out["facts"] = std::move(facts);
      if (with_signature) {
        doichieu::corpus::article a{id, {}, text->get<std::string>(), published, {}};
        if (auto t = j.find("title"); t != j.end() && t->is_string()) a.title = t->get<std::string>();
        if (auto e = j.find("event"); e != j.end() && e->is_string()) a.event = e->get<std::string>();
        auto sig = doichieu::corpus::make_signature(a);
        if (!sig) {
          out.erase("facts");
          out["line"] = line_number;
          out["error"] = sig.error().describe();
        } else {
          out["signature"] = doichieu::cli::signature_to_json(*sig);
        }
      }
    }
    std::cout << dump(out) << '\n';
  }
  std::cout.flush();
  return exit_ok;
}

// The format of standard input: --stdin-format, text unless given.
std::optional<std::string> stdin_format_error(const std::string& f) {
  if (f == "txt" || f == "md" || f == "html" || f == "jsonl") return std::nullopt;
  return "unknown --stdin-format '" + f + "' (allowed: txt, md, html, jsonl)";
}

// Reads every input into sources, in command-line order (directories sorted). With --changed-since, keeps
// the inputs changed in git and every other report of the same events: a changed report is checked against
// the unchanged reports it must agree with (JSON Lines "event"; plain files form one event, as in check).
doichieu::result<std::vector<in::source>> read_sources(const options& opt, const in::config& cfg) {
  namespace fs = std::filesystem;
  auto expanded = in::expand_inputs(opt.files, cfg.include, cfg.exclude);
  if (!expanded) return expanded.error();
  std::optional<std::set<std::string>> changed;
  if (!opt.changed_since.empty()) {
    std::error_code ec;
    fs::path first = opt.files.empty() || opt.files.front() == "-" ? fs::path(".") : fs::path(opt.files.front());
    fs::path where = fs::is_directory(first, ec) ? first : first.parent_path();
    if (where.empty()) where = ".";
    auto found = changed_since(opt.changed_since, where.string());
    if (!found) return found.error();
    changed = std::move(*found);
  }
  std::optional<doichieu::civil_time> published;
  if (!opt.published.empty()) {
    published = doichieu::parse_iso_time(opt.published);
    if (!published)
      return doichieu::make_error(error_kind::usage, "--published is not an ISO date: " + opt.published);
  }
  std::vector<in::source> out;
  std::vector<bool> is_changed;  // per source: its file changed since the revision (stdin always counts)
  std::vector<std::string> file_of;
  for (const auto& path : expanded->files) {
    auto bytes = in::read_file(path);
    if (!bytes) return bytes.error();
    const bool from_stdin = path == "-";
    const std::string shown = from_stdin ? "<stdin>" : path;
    bool file_changed = true;
    if (changed && !from_stdin) {
      std::error_code ec;
      file_changed = changed->count(fs::weakly_canonical(fs::absolute(path, ec), ec).string()) > 0;
    }
    const std::string kind = from_stdin ? opt.stdin_format : "";
    const bool jsonl = kind == "jsonl" || (!from_stdin && path.size() > 6 && path.substr(path.size() - 6) == ".jsonl");
    if (jsonl) {
      auto articles = in::read_jsonl(shown, *bytes);
      if (!articles) return articles.error();
      for (auto& a : *articles) {
        if (!a.published) a.published = published;
        out.push_back(std::move(a));
        is_changed.push_back(file_changed);
        file_of.push_back(path);
      }
      continue;
    }
    auto src = from_stdin ? in::read_source(shown, std::move(*bytes),
                                            kind == "md" ? in::source_format::markdown
                                            : kind == "html" ? in::source_format::html
                                                             : in::source_format::text)
                          : in::read_source(shown, std::move(*bytes));
    if (!src) return src.error();
    src->published = published;
    out.push_back(std::move(*src));
    is_changed.push_back(file_changed);
    file_of.push_back(path);
  }
  if (changed) {
    std::set<std::string> touched_events;
    for (std::size_t i = 0; i < out.size(); ++i)
      if (is_changed[i]) touched_events.insert(out[i].event);
    std::vector<in::source> kept;
    std::set<std::string> skipped_files, kept_files;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (touched_events.count(out[i].event)) {
        kept_files.insert(file_of[i]);
        kept.push_back(std::move(out[i]));
      } else {
        skipped_files.insert(file_of[i]);
      }
    }
    for (const auto& f : skipped_files)
      if (!kept_files.count(f)) expanded->skipped.emplace_back(f, "unchanged since " + opt.changed_since + ", nor any report of its events");
    out = std::move(kept);
  }
  if (opt.verbose)
    for (const auto& [path, why] : expanded->skipped) std::cerr << "doichieu: skipped " << path << ": " << why << '\n';
  if (out.empty() && changed) return out;
  if (out.empty()) return doichieu::make_error(error_kind::usage, "no input to check (every file was skipped; see --verbose)");
  return out;
}

int list_suppressions(const std::vector<in::source>& sources, const std::vector<in::suppressed_finding>& used) {
  for (const auto& s : sources) {
    for (const auto& sup : s.suppressions) {
      std::size_t n = 0;
      for (const auto& u : used)
        if (u.path == s.path && u.by.line == sup.line && u.by.rule == sup.rule) ++n;
      std::cout << s.path << ':' << sup.line << ':' << sup.column << ": "
                << (sup.next_line ? "disable-next-line " : "disable ") << sup.rule << ": " << sup.reason
                << " (" << n << (n == 1 ? " finding silenced)" : " findings silenced)") << '\n';
    }
  }
  return exit_ok;
}

int run(options& opt, const CLI::App& app) {
  // Configuration: --config, else the nearest .doichieu.json above the first input, else defaults.
  in::config cfg;
  if (!opt.no_config) {
    std::optional<std::string> path = opt.config_path.empty() ? std::nullopt : std::optional(opt.config_path);
    if (!path && !opt.files.empty()) path = in::find_config(opt.files.front());
    if (path) {
      auto bytes = in::read_file(*path);
      if (!bytes) return report_error(bytes.error());
      auto parsed = in::parse_config(*bytes, *path);
      if (!parsed) return report_error(parsed.error());
      cfg = std::move(*parsed);
      if (opt.verbose) std::cerr << "doichieu: configuration " << *path << '\n';
    }
  }
  const std::string format = opt.format.value_or(cfg.format.value_or("text"));
  const std::string fail_level = opt.fail_level.value_or(cfg.fail_level.value_or("error"));
  const std::string color = opt.color.value_or(cfg.color.value_or("auto"));
  const std::string lang = opt.lang.value_or(cfg.lang.value_or("vi"));
  const std::optional<std::string> output = opt.output ? opt.output : cfg.output;
  if (!doichieu::reports::format_from_string(format))
    return usage_error("unknown format '" + format + "' (allowed: " + join(doichieu::reports::format_names()) + ")", app);
  if (!doichieu::severity_from_string(fail_level))
    return usage_error("unknown --fail-level '" + fail_level + "' (allowed: error, warning, info)", app);
  if (color != "auto" && color != "always" && color != "never")
    return usage_error("unknown --color '" + color + "' (allowed: auto, always, never)", app);
  if (lang != "vi" && lang != "en") return usage_error("unknown --lang '" + lang + "' (allowed: vi, en)", app);
  if (opt.jsonl && opt.command != "extract") return usage_error("--jsonl is an option of extract", app);
  if (opt.jsonl && !opt.files.empty()) return usage_error("--jsonl reads standard input; give no FILE", app);
  if (opt.signature && !opt.jsonl) return usage_error("--signature is an option of extract --jsonl", app);
  if (!opt.jsonl && opt.files.empty()) return usage_error("no input file", app);
  if (auto bad = stdin_format_error(opt.stdin_format)) return usage_error(*bad, app);

  doichieu::engine_options eopt;
  eopt.data_dir = opt.data_dir.value_or(cfg.data_dir.value_or(""));
  eopt.disabled_rules = opt.disabled;
  for (auto& id : in::disabled_rules(cfg)) eopt.disabled_rules.push_back(id);
  eopt.tolerances = cfg.tolerances;
  eopt.gazetteers = cfg.gazetteers;
  auto eng = doichieu::engine::load(eopt);
  if (!eng) return report_error(eng.error());
  if (opt.jsonl) return run_jsonl(**eng, opt.signature);

  auto sources = read_sources(opt, cfg);
  if (!sources) return report_error(sources.error());

  doichieu::reports::render_options ropt;
  ropt.lang = lang;
  const bool to_tty = !output && isatty(STDOUT_FILENO);
  ropt.color = color == "always" || (color == "auto" && to_tty && !std::getenv("NO_COLOR"));
  const auto fmt = *doichieu::reports::format_from_string(format);
  const bool show_progress = opt.progress == "always" || (opt.progress == "auto" && isatty(STDERR_FILENO));

  std::ostringstream rendered;
  int status = exit_ok;
  if (opt.command == "extract") {
    std::vector<doichieu::extraction> docs;
    progress_line bar(show_progress, sources->size());
    for (auto& s : *sources) {
      bar.step(s.path);
      auto ex = (*eng)->extract({s.path, s.text, s.published});
      if (!ex) return report_error(ex.error());
      doichieu::check_report one;
      one.reports.push_back(std::move(*ex));
      in::remap_to_originals(one, {&s});
      docs.push_back(std::move(one.reports.front()));
    }
    doichieu::reports::render_facts(docs, fmt, ropt, rendered);
  } else {
    // One check per event: JSON Lines articles with the same "event" belong together; every other input
    // (files, articles without an event) forms the default group, in input order.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const in::source*>> groups;
    for (const auto& s : *sources) {
      if (!groups.count(s.event)) order.push_back(s.event);
      groups[s.event].push_back(&s);
    }
    std::vector<doichieu::check_report> parts;
    std::vector<const in::source*> all;
    progress_line bar(show_progress, order.size());
    for (const auto& event : order) {
      bar.step(event.empty() ? groups[event].front()->path : event);
      std::vector<doichieu::report_input> inputs;
      for (const auto* s : groups[event]) inputs.push_back({s->path, s->text, s->published});
      auto rep = (*eng)->check(std::move(inputs));
      if (!rep) return report_error(rep.error());
      in::remap_to_originals(*rep, groups[event]);
      parts.push_back(std::move(*rep));
      all.insert(all.end(), groups[event].begin(), groups[event].end());
    }
    doichieu::check_report report = in::merge_reports(std::move(parts));
    in::apply_rule_settings(report, cfg);
    auto silenced = in::apply_suppressions(report, all);
    if (opt.list_suppressions) return list_suppressions(*sources, silenced);
    if (opt.verbose)
      for (const auto& s : silenced)
        std::cerr << "doichieu: " << s.path << ':' << s.by.line << ": " << s.silenced.rule << " silenced: " << s.by.reason
                  << '\n';
    doichieu::reports::render_check(report, fmt, ropt, rendered);
    status = report.fails_at(*doichieu::severity_from_string(fail_level)) ? exit_findings : exit_ok;
  }
  if (output) {
    if (auto w = write_atomically(*output, rendered.str()); !w) return report_error(w.error());
  } else {
    std::cout << rendered.str();
    std::cout.flush();
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    options opt;
    CLI::App app{"doichieu — đối chiếu số liệu giữa các bản tin (fact-consistency checker for Vietnamese news)",
                 "doichieu"};
    app.set_version_flag("--version", "doichieu 0.1.0");
    app.require_subcommand(1, 1);
    const std::string formats = join(doichieu::reports::format_names());
    auto add_common = [&](CLI::App* sub) {
      sub->add_option("-f,--format", opt.format, "output format: " + formats);
      sub->add_option("-o,--output", opt.output, "write the report to FILE (atomically: temp file + rename)");
      sub->add_option("--published", opt.published, "publication date (ISO) anchoring relative dates");
      sub->add_option("--data-dir", opt.data_dir, "directory holding rules/ and grammars/lexicon/");
      sub->add_option("--config", opt.config_path, "configuration file (default: nearest .doichieu.json)");
      sub->add_flag("--no-config", opt.no_config, "ignore .doichieu.json files");
      sub->add_option("--changed-since", opt.changed_since,
                      "only inputs changed in git since REV, with the other reports of their events");
      sub->add_option("--stdin-format", opt.stdin_format, "how to read - (standard input): txt, md, html, jsonl");
      sub->add_option("--progress", opt.progress, "progress line on stderr: auto (on a terminal), always, never")
          ->check(CLI::IsMember({"auto", "always", "never"}));
      sub->add_flag("-v,--verbose", opt.verbose, "list skipped files and silenced findings on stderr");
      sub->add_option("--lang", opt.lang, "language of messages: vi, en");
      sub->add_option("files", opt.files, "INPUT: .txt .md .html .jsonl file, directory, or - for stdin");
    };
    CLI::App* check = app.add_subcommand("check", "check the reports of one event against each other");
    add_common(check);
    check->add_option("--fail-level", opt.fail_level, "exit 1 when a finding is at or above: error, warning, info");
    check->add_option("--color,--colour", opt.color, "colour in text output: auto, always, never");
    check->add_option("--disable", opt.disabled, "skip a rule (repeatable)")->allow_extra_args(false);
    check->add_flag("--list-suppressions", opt.list_suppressions, "list inline suppressions and what they silence");
    doichieu::cli::corpus_flags corpus;  // check --corpus: events found in a stream of articles
    doichieu::cli::add_corpus_flags(*check, corpus);
    CLI::App* extract = app.add_subcommand("extract", "list the facts found in each report");
    add_common(extract);
    extract->add_flag("--jsonl", opt.jsonl, "stream JSON Lines {\"id\",\"text\"} on stdin to {\"id\",\"facts\"} lines");
    extract->add_flag("--signature", opt.signature,
                      "with --jsonl: add each article's grouping signature (map step of a map/reduce corpus run)");
    // serve: the HTTP API for stacks that cannot link C (checker/server, cpp-httplib).
    CLI::App* serve = app.add_subcommand("serve", "HTTP API: POST /v1/check, POST /v1/extract, GET /healthz");
    doichieu::server_options server;
    server.handle_signals = true;
    std::string serve_data_dir;
    serve->add_option("--port", server.port, "TCP port (0 = any free port)")->check(CLI::Range(0, 65535));
    serve->add_option("--host", server.host, "address to bind (default 127.0.0.1: loopback only)");
    serve->add_option("--max-body", server.max_body_bytes, "largest request body in bytes");
    serve->add_option("--threads", server.threads, "worker threads (0 = one per core, at least 2)");
    serve->add_option("--data-dir", serve_data_dir, "directory holding rules/ and grammars/lexicon/");
    serve->add_option("--disable", server.disabled_rules, "skip a rule (repeatable)")->allow_extra_args(false);
    server.on_listening = [](const std::string& host, int port) {
      std::cerr << "doichieu: listening on http://" << host << ':' << port << '\n';
    };
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);  // prints the help of the subcommand asked about
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      std::string m = e.what();
      if (m.empty()) m = "bad command line";
      return usage_error(m, app);
    }
    if (serve->parsed()) {
      server.data_dir = serve_data_dir;
      return doichieu::run_server(server);
    }
    opt.command = check->parsed() ? "check" : "extract";
    if (corpus.corpus)
      return doichieu::cli::run_corpus_command(
          corpus, {opt.files, opt.format.value_or("text"), opt.fail_level.value_or("error"), opt.lang.value_or("vi"),
                   opt.data_dir.value_or(""), opt.output, opt.disabled, false});
    return run(opt, app);
  } catch (const std::exception& e) {
    std::cerr << "doichieu: internal error: " << e.what() << '\n';
    return exit_error;
  }
}
