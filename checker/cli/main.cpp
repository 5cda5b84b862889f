// doichieu — command line.
//
//   doichieu check   [options] FILE...     reports of one event -> findings (exit 0 ok, 1 findings, 2 error)
//   doichieu extract [options] FILE...     the facts found
//   doichieu extract --jsonl               JSON Lines {"id","text","published"?} on stdin -> {"id","facts"} lines
//
// Exit codes: 0 no finding at or above --fail-level; 1 at least one; 2 usage, input or configuration error
// (the message on stderr names the file and, where it applies, the byte offset).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <doichieu/engine.hpp>
#include <doichieu/reports/reporter.hpp>

namespace {

using doichieu::error_kind;

constexpr int exit_ok = 0, exit_findings = 1, exit_error = 2;

const char* usage_text =
    "usage: doichieu check   [--format text|json] [--fail-level error|warning|info] [--color auto|always|never]\n"
    "                        [--lang vi|en] [--published DATE] [--data-dir DIR] [--disable RULE_ID]... FILE...\n"
    "       doichieu extract [--format text|json] [--published DATE] [--data-dir DIR] FILE...\n"
    "       doichieu extract --jsonl [--data-dir DIR]   (JSON Lines on stdin: {\"id\",\"text\",\"published\"?})\n"
    "       doichieu --version | --help\n"
    "FILE may be - for standard input. Exit: 0 no finding at --fail-level, 1 findings, 2 error.\n";

struct options {
  std::string command;
  std::string format = "text";
  std::string fail_level = "error";
  std::string color = "auto";
  std::string lang = "vi";
  std::string data_dir;
  std::string published;
  std::vector<std::string> disabled;
  bool jsonl = false;
  std::vector<std::string> files;
};

int usage_error(const std::string& message) {
  std::cerr << "doichieu: " << message << "\n" << usage_text;
  return exit_error;
}

// Parses argv; returns an exit code when it should stop (help, version, usage error).
std::optional<int> parse_args(int argc, char** argv, options& opt) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("missing command");
  std::size_t i = 0;
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << usage_text;
    return exit_ok;
  }
  if (args[0] == "--version") {
    std::cout << "doichieu 0.1.0\n";
    return exit_ok;
  }
  opt.command = args[i++];
  if (opt.command != "check" && opt.command != "extract") return usage_error("unknown command '" + opt.command + "'");
  auto value_of = [&](const std::string& flag, std::string& target) -> bool {
    if (i + 1 >= args.size()) return false;
    target = args[++i];
    (void)flag;
    return true;
  };
  bool only_files = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_files || a == "-" || a.empty() || a[0] != '-') {
      opt.files.push_back(a);
      continue;
    }
    std::string flag = a, inline_value;
    bool has_inline = false;
    if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
      flag = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
      has_inline = true;
    }
    auto take = [&](std::string& target) -> bool {
      if (has_inline) {
        target = inline_value;
        return true;
      }
      return value_of(flag, target);
    };
    if (flag == "--") {
      only_files = true;
    } else if (flag == "--format" || flag == "-f") {
      if (!take(opt.format)) return usage_error("--format needs a value");
    } else if (flag == "--fail-level") {
      if (!take(opt.fail_level)) return usage_error("--fail-level needs a value");
    } else if (flag == "--color" || flag == "--colour") {
      if (!take(opt.color)) return usage_error("--color needs a value");
    } else if (flag == "--lang") {
      if (!take(opt.lang)) return usage_error("--lang needs a value");
    } else if (flag == "--data-dir") {
      if (!take(opt.data_dir)) return usage_error("--data-dir needs a value");
    } else if (flag == "--published") {
      if (!take(opt.published)) return usage_error("--published needs a value");
    } else if (flag == "--disable") {
      std::string id;
      if (!take(id)) return usage_error("--disable needs a RULE_ID");
      opt.disabled.push_back(id);
    } else if (flag == "--jsonl") {
      opt.jsonl = true;
    } else if (flag == "--help" || flag == "-h") {
      std::cout << usage_text;
      return exit_ok;
    } else {
      return usage_error("unknown option '" + a + "'");
    }
  }
  if (!doichieu::reports::format_from_string(opt.format)) {
    std::string names;
    for (const auto& n : doichieu::reports::format_names()) names += (names.empty() ? "" : ", ") + n;
    return usage_error("unknown format '" + opt.format + "' (allowed: " + names + ")");
  }
  if (!doichieu::severity_from_string(opt.fail_level))
    return usage_error("unknown --fail-level '" + opt.fail_level + "' (allowed: error, warning, info)");
  if (opt.color != "auto" && opt.color != "always" && opt.color != "never")
    return usage_error("unknown --color '" + opt.color + "' (allowed: auto, always, never)");
  if (opt.lang != "vi" && opt.lang != "en") return usage_error("unknown --lang '" + opt.lang + "' (allowed: vi, en)");
  if (opt.jsonl && opt.command != "extract") return usage_error("--jsonl is an option of extract");
  if (opt.jsonl && !opt.files.empty()) return usage_error("--jsonl reads standard input; give no FILE");
  if (!opt.jsonl && opt.files.empty()) return usage_error("no input file");
  return std::nullopt;
}

doichieu::result<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return doichieu::make_error(error_kind::io, std::string("cannot read: ") + std::strerror(errno), {path, {}, 0, 0});
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return doichieu::make_error(error_kind::io, std::string("read failed: ") + std::strerror(errno), {path, {}, 0, 0});
  }
  return ss.str();
}

int report_error(const doichieu::error& e) {
  std::cerr << "doichieu: " << e.describe() << '\n';
  return exit_error;
}

// Streaming mode: one JSON line in, one line out, constant memory. A bad line gets an error line and the
// stream goes on.
int run_jsonl(const doichieu::engine& eng) {
  std::string line;
  std::size_t line_number = 0;
  std::ios::sync_with_stdio(false);
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::ordered_json out;
    auto in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object()) {
      out["line"] = line_number;
      out["error"] = "line " + std::to_string(line_number) + ": not a JSON object";
      std::cout << out.dump() << '\n';
      continue;
    }
    if (in.contains("id")) out["id"] = in["id"];
    auto text = in.find("text");
    if (text == in.end() || !text->is_string()) {
      out["line"] = line_number;
      out["error"] = "line " + std::to_string(line_number) + ": missing string field \"text\"";
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      continue;
    }
    std::optional<doichieu::civil_time> published;
    if (auto p = in.find("published"); p != in.end() && p->is_string()) {
      published = doichieu::parse_iso_time(p->get<std::string>());
      if (!published) {
        out["line"] = line_number;
        out["error"] = "line " + std::to_string(line_number) + ": \"published\" is not an ISO date: " +
                       p->get<std::string>();
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        continue;
      }
    }
    std::string id = in.contains("id") ? (in["id"].is_string() ? in["id"].get<std::string>() : in["id"].dump())
                                       : std::to_string(line_number);
    auto ex = eng.extract({id, text->get<std::string>(), published});
    if (!ex) {
      out["line"] = line_number;
      out["error"] = ex.error().describe();
    } else {
      std::string facts = "[";
      for (std::size_t k = 0; k < ex->facts.size(); ++k) {
        if (k) facts += ',';
        facts += doichieu::reports::fact_to_json_line(ex->facts[k], id);
      }
      facts += ']';
      out["facts"] = nlohmann::ordered_json::parse(facts);
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  std::cout.flush();
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    options opt;
    if (auto stop = parse_args(argc, argv, opt)) return *stop;
    auto eng = doichieu::engine::load({opt.data_dir, opt.disabled});
    if (!eng) return report_error(eng.error());
    if (opt.jsonl) return run_jsonl(**eng);

    std::optional<doichieu::civil_time> published;
    if (!opt.published.empty()) {
      published = doichieu::parse_iso_time(opt.published);
      if (!published) return usage_error("--published is not an ISO date: " + opt.published);
    }
    std::vector<doichieu::report_input> inputs;
    for (const auto& path : opt.files) {
      auto bytes = read_input(path);
      if (!bytes) return report_error(bytes.error());
      inputs.push_back({path == "-" ? "<stdin>" : path, std::move(*bytes), published});
    }
    doichieu::reports::render_options ropt;
    ropt.lang = opt.lang;
    ropt.color = opt.color == "always" || (opt.color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    const auto fmt = *doichieu::reports::format_from_string(opt.format);

    if (opt.command == "extract") {
      std::vector<doichieu::extraction> docs;
      for (auto& in : inputs) {
        auto ex = (*eng)->extract(std::move(in));
        if (!ex) return report_error(ex.error());
        docs.push_back(std::move(*ex));
      }
      doichieu::reports::render_facts(docs, fmt, ropt, std::cout);
      return exit_ok;
    }
    auto report = (*eng)->check(std::move(inputs));
    if (!report) return report_error(report.error());
    doichieu::reports::render_check(*report, fmt, ropt, std::cout);
    std::cout.flush();
    return report->fails_at(*doichieu::severity_from_string(opt.fail_level)) ? exit_findings : exit_ok;
  } catch (const std::exception& e) {
    std::cerr << "doichieu: internal error: " << e.what() << '\n';
    return exit_error;
  }
}
