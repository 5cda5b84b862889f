// `doichieu check --corpus`: stream -> signatures -> events -> one engine check per event.
#include "corpus_command.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <doichieu/corpus.hpp>
#include <doichieu/engine.hpp>
#include <doichieu/input.hpp>
#include <doichieu/reports/reporter.hpp>

namespace doichieu::cli {
namespace {

namespace in = doichieu::input;
namespace co = doichieu::corpus;
using doichieu::error_kind;
constexpr int exit_ok = 0, exit_findings = 1, exit_error = 2;

int fail(const doichieu::error& e) {
  std::cerr << "doichieu: " << e.describe() << '\n';
  return exit_error;
}

// Where an article lives, so its text can be read again when its event is checked.
struct locator {
  std::uint32_t file = 0;     // index into the reader's file list
  std::uint64_t offset = 0;   // byte offset of the JSON line (0 for a whole file)
  std::uint32_t length = 0;   // bytes of the line; 0 = the whole file
  std::uint32_t line = 0;     // 1-based JSON Lines line, for messages
};

// Removes the spooled copy of standard input however the command ends.
struct spool_file {
  std::string path;
  ~spool_file() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

doichieu::result<std::string> spool_stdin(spool_file& spool) {
  const char* dir = std::getenv("TMPDIR");
  std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/doichieu-corpus-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return doichieu::make_error(error_kind::io, std::string("cannot spool stdin: ") + std::strerror(errno));
  spool.path = name.data();
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    if (::write(fd, buf, n) != static_cast<ssize_t>(n)) {
      ::close(fd);
      return doichieu::make_error(error_kind::io, "cannot spool stdin", {spool.path, {}, 0, 0});
    }
  }
  ::close(fd);
  return spool.path;
}

bool is_jsonl(const std::string& path) { return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0; }

// Reads the article at `loc` again (the whole source for a file, the one record for a JSON line).
doichieu::result<in::source> load_article(const std::vector<std::string>& files, const std::vector<std::string>& shown,
                                          const locator& loc, std::vector<char> buffer = {}) {
  const std::string& path = files[loc.file];
  if (loc.length == 0 && !is_jsonl(path)) {
    auto bytes = in::read_file(path);
    if (!bytes) return bytes.error();
    return in::read_source(shown[loc.file], std::move(*bytes));
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return doichieu::make_error(error_kind::io, "cannot reopen", {path, {}, 0, 0});
  buffer.resize(loc.length);
  f.seekg(static_cast<std::streamoff>(loc.offset));
  f.read(buffer.data(), loc.length);
  if (!f) return doichieu::make_error(error_kind::io, "cannot read back line " + std::to_string(loc.line), {path, {}, 0, 0});
  auto recs = in::read_jsonl(shown[loc.file], std::string_view(buffer.data(), buffer.size()));
  if (!recs) {
    doichieu::error e = recs.error();
    e.where.line = loc.line;
    return e;
  }
  if (recs->size() != 1) return doichieu::make_error(error_kind::bad_json, "expected one record", {path, {}, loc.line, 0});
  return std::move(recs->front());
}

std::string iso_day(std::int32_t days) {
  // Inverse of day_number (Hinnant's civil_from_days).
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", y, m, d);
  return out;
}

// Computes signatures of a batch on `jobs` threads; the first error wins.
doichieu::status sign_batch(std::vector<co::article>& batch, std::vector<co::signature>& out, unsigned jobs) {
  out.assign(batch.size(), {});
  std::atomic<std::size_t> next{0};
  std::mutex m;
  std::optional<doichieu::error> first;
  auto work = [&] {
    for (std::size_t i; (i = next++) < batch.size();) {
      auto sig = co::make_signature(batch[i]);
      if (!sig) {
        std::lock_guard<std::mutex> lock(m);
        if (!first) first = sig.error();
        continue;
      }
      out[i] = std::move(*sig);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs && t < batch.size(); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (first) return *first;
  return doichieu::ok;
}

struct stream_state {
  std::vector<std::string> files, shown;
  std::vector<locator> where;  // per added signature
};

// Reads every input once, adding signatures to the grouper in input order.
doichieu::status read_stream(const std::vector<std::string>& inputs, unsigned jobs, co::grouper& g, stream_state& st,
                             spool_file& spool) {
  auto expanded = in::expand_inputs(inputs, {}, {});
  if (!expanded) return expanded.error();
  constexpr std::size_t batch_size = 512;  // texts held at once: bounded by the batch, not the stream
  std::vector<co::article> batch;
  std::vector<locator> batch_where;
  std::vector<co::signature> sigs;
  auto flush = [&]() -> doichieu::status {
    if (batch.empty()) return doichieu::ok;
    if (auto s = sign_batch(batch, sigs, jobs); !s) return s;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
      g.add(std::move(sigs[i]));
      st.where.push_back(batch_where[i]);
    }
    batch.clear();
    batch_where.clear();
    return doichieu::ok;
  };
  for (const auto& given : expanded->files) {
    std::string path = given;
    if (given == "-") {
      auto p = spool_stdin(spool);
      if (!p) return p.error();
      path = *p;
    }
    const auto file_index = static_cast<std::uint32_t>(st.files.size());
    st.files.push_back(path);
    st.shown.push_back(given == "-" ? "<stdin>" : given);
    if (!is_jsonl(path) && given != "-") {
      auto bytes = in::read_file(path);
      if (!bytes) return bytes.error();
      auto src = in::read_source(st.shown.back(), std::move(*bytes));
      if (!src) return src.error();
      batch.push_back({src->path, src->title, std::move(src->text), src->published, src->event});
      batch_where.push_back({file_index, 0, 0, 0});
      if (batch.size() >= batch_size)
        if (auto s = flush(); !s) return s;
      continue;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) return doichieu::make_error(error_kind::io, std::string("cannot open: ") + std::strerror(errno), {given, {}, 0, 0});
    std::string line;
    std::uint64_t offset = 0;
    std::uint32_t line_number = 0;
    while (std::getline(f, line)) {
      const std::uint64_t line_offset = offset;
      offset += line.size() + 1;
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto recs = in::read_jsonl(st.shown.back(), line);
      if (!recs) {
        doichieu::error e = recs.error();
        e.where.line = line_number;
        return e;
      }
      for (auto& r : *recs) {
        batch.push_back({r.path, r.title, std::move(r.text), r.published, r.event});
        batch_where.push_back({file_index, line_offset, static_cast<std::uint32_t>(line.size()), line_number});
      }
      if (batch.size() >= batch_size)
        if (auto s = flush(); !s) return s;
    }
  }
  return flush();
}

// Reads map-step lines ({"id", "facts"?, "signature": {...}}) and adds their signatures in input order.
doichieu::status read_signatures(const std::vector<std::string>& inputs, co::grouper& g) {
  for (const auto& given : inputs) {
    std::ifstream file;
    if (given != "-") {
      file.open(given, std::ios::binary);
      if (!file) return doichieu::make_error(error_kind::io, std::string("cannot open: ") + std::strerror(errno), {given, {}, 0, 0});
    }
    std::istream& f = given == "-" ? std::cin : file;
    const std::string shown = given == "-" ? "<stdin>" : given;
    std::string line;
    std::uint32_t line_number = 0;
    while (std::getline(f, line)) {
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      auto where = doichieu::source_location{shown, std::nullopt, line_number, 1};
      if (j.is_discarded() || !j.is_object())
        return doichieu::make_error(error_kind::bad_json, "not a JSON object", where);
      if (j.contains("error"))
        return doichieu::make_error(error_kind::bad_json, "the map step failed on this article: " + j["error"].dump(), where);
      if (!j.contains("signature"))
        return doichieu::make_error(error_kind::bad_json, "no \"signature\" (run the map step with extract --jsonl --signature)", where);
      auto sig = signature_from_json(j["signature"]);
      if (!sig) {
        doichieu::error e = sig.error();
        e.where = where;
        return e;
      }
      if (j.contains("id")) sig->id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
      g.add(std::move(*sig));
    }
  }
  return doichieu::ok;
}

void write_events_only(const co::grouper& g, const std::vector<co::event_group>& events, bool json,
                       std::ostream& out) {
  if (json) {
    nlohmann::ordered_json doc;
    doc["schema"] = "doichieu/events/v1";
    doc["articles"] = g.size();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& ev : events) {
      nlohmann::ordered_json e;
      e["event"] = ev.name;
      e["automatic"] = !ev.explicit_event;
      nlohmann::ordered_json members = nlohmann::ordered_json::array();
      for (auto m : ev.members) {
        const auto& s = g.at(m);
        nlohmann::ordered_json a;
        a["id"] = s.id;
        if (!s.title.empty()) a["title"] = s.title;
        if (s.day) a["published"] = iso_day(*s.day);
        members.push_back(std::move(a));
      }
      e["members"] = std::move(members);
      list.push_back(std::move(e));
    }
    doc["events"] = std::move(list);
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& ev : events) {
    out << ev.name << (ev.explicit_event ? "" : " (auto)") << ": " << ev.members.size()
        << (ev.members.size() == 1 ? " article\n" : " articles\n");
    for (auto m : ev.members) {
      const auto& s = g.at(m);
      out << "  " << s.id << '\t' << (s.day ? iso_day(*s.day) : std::string("-")) << '\t' << s.title << '\n';
    }
  }
}

}  // namespace

nlohmann::ordered_json signature_to_json(const co::signature& s) {
  nlohmann::ordered_json j;
  if (!s.title.empty()) j["title"] = s.title;
  if (!s.event.empty()) j["event"] = s.event;
  if (s.day) j["day"] = *s.day;
  j["strong"] = s.strong;
  j["bigrams"] = s.bigrams;
  return j;
}

doichieu::result<co::signature> signature_from_json(const nlohmann::json& j) {
  auto bad = [](const std::string& m) { return doichieu::make_error(error_kind::bad_json, "signature: " + m); };
  if (!j.is_object()) return bad("not an object");
  co::signature s;
  for (const auto& [key, v] : j.items()) {
    if (key == "title" && v.is_string()) s.title = v.get<std::string>();
    else if (key == "event" && v.is_string()) s.event = v.get<std::string>();
    else if (key == "day" && v.is_number_integer()) s.day = v.get<std::int32_t>();
    else if ((key == "strong" || key == "bigrams") && v.is_array()) {
      auto& keys = key == "strong" ? s.strong : s.bigrams;
      for (const auto& h : v) {
        if (!h.is_number_unsigned() || h.get<std::uint64_t>() > 0xFFFFFFFFu) return bad("\"" + key + "\" must hold 32-bit key hashes");
        keys.push_back(h.get<std::uint32_t>());
      }
      // The grouper merges sorted unique lists; a hand-edited line must not break that.
      if (!std::is_sorted(keys.begin(), keys.end()) || std::adjacent_find(keys.begin(), keys.end()) != keys.end())
        return bad("\"" + key + "\" must be sorted and unique");
    } else {
      return bad("unknown or mistyped key \"" + key + "\" (allowed: title, event, day, strong, bigrams)");
    }
  }
  return s;
}

void add_corpus_flags(CLI::App& check, corpus_flags& flags) {
  check.add_flag("--corpus", flags.corpus,
                 "group the articles into events (explicit \"event\" fields win) and check each event");
  check.add_flag("--events-only", flags.events_only, "with --corpus: print the grouping, check nothing");
  check.add_option("--jobs", flags.jobs, "with --corpus: worker threads (default: all cores)");
  check.add_option("--window-days", flags.window_days,
                   "with --corpus: articles published further apart are never one event (default 3)");
  check.add_option("--link-threshold", flags.link_threshold,
                   "with --corpus: similarity needed to link two articles, 0..1 (default 0.15)");
  check.add_flag("--from-signatures", flags.from_signatures,
                 "with --corpus --events-only: group the lines of `extract --jsonl --signature` (map/reduce)");
}

int run_corpus_command(const corpus_flags& flags, const corpus_settings& settings) {
  try {
    if (settings.files.empty()) return fail(doichieu::make_error(error_kind::usage, "--corpus: no input"));
    const auto fmt = doichieu::reports::format_from_string(settings.format);
    if (!fmt) return fail(doichieu::make_error(error_kind::usage, "unknown format '" + settings.format + "'"));
    const auto fail_level = doichieu::severity_from_string(settings.fail_level);
    if (!fail_level) return fail(doichieu::make_error(error_kind::usage, "unknown --fail-level '" + settings.fail_level + "'"));
    if (flags.link_threshold <= 0 || flags.link_threshold > 1 || flags.window_days < 0)
      return fail(doichieu::make_error(error_kind::usage, "--link-threshold must be in (0, 1] and --window-days >= 0"));
    const unsigned jobs = flags.jobs ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());

    co::grouping_options gopt;
    gopt.window_days = flags.window_days;
    gopt.link_threshold = flags.link_threshold;
    gopt.threads = jobs;
    co::grouper g(gopt);
    stream_state st;
    spool_file spool;
    if (flags.from_signatures) {
      // The grouping step of the map/reduce split: only signatures, no texts, so nothing can be checked.
      if (!flags.events_only)
        return fail(doichieu::make_error(error_kind::usage, "--from-signatures needs --events-only (signatures carry no text)"));
      if (auto s = read_signatures(settings.files, g); !s) return fail(s.error());
    } else if (auto s = read_stream(settings.files, jobs, g, st, spool); !s) {
      return fail(s.error());
    }
    const auto events = g.group();

    std::ostringstream rendered;
    int status = exit_ok;
    if (flags.events_only) {
      write_events_only(g, events, *fmt == doichieu::reports::format::json, rendered);
    } else {
      doichieu::engine_options eopt;
      eopt.data_dir = settings.data_dir;
      eopt.disabled_rules = settings.disabled_rules;
      auto eng = doichieu::engine::load(eopt);
      if (!eng) return fail(eng.error());
      doichieu::reports::render_options ropt;
      ropt.lang = settings.lang;
      ropt.color = settings.color;

      // Events are checked on `jobs` threads; each result is rendered as soon as its turn comes, so only
      // the events in flight hold texts.
      std::vector<std::optional<doichieu::result<doichieu::check_report>>> done(events.size());
      std::vector<std::vector<std::string>> member_paths(events.size());
      std::atomic<std::size_t> next{0};
      std::mutex m;
      std::condition_variable cv;
      auto work = [&] {
        for (std::size_t e; (e = next++) < events.size();) {
          std::vector<in::source> sources;
          std::optional<doichieu::error> err;
          for (auto idx : events[e].members) {
            auto src = load_article(st.files, st.shown, st.where[idx]);
            if (!src) {
              err = src.error();
              break;
            }
            sources.push_back(std::move(*src));
          }
          doichieu::result<doichieu::check_report> r = err ? doichieu::result<doichieu::check_report>(*err)
                                                            : doichieu::result<doichieu::check_report>(doichieu::check_report{});
          if (!err) {
            std::vector<doichieu::report_input> inputs;
            for (const auto& s : sources) inputs.push_back({s.path, s.text, s.published});
            r = (*eng)->check(std::move(inputs));
            if (r) {
              std::vector<const in::source*> ptrs;
              for (const auto& s : sources) ptrs.push_back(&s);
              in::remap_to_originals(*r, ptrs);
              in::apply_suppressions(*r, ptrs);
            }
          }
          std::lock_guard<std::mutex> lock(m);
          done[e] = std::move(r);
          cv.notify_all();
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(work);

      const bool json = *fmt == doichieu::reports::format::json;
      const bool per_event_text = *fmt == doichieu::reports::format::text;
      std::vector<doichieu::check_report> merged;  // other formats: one merged report at the end
      std::optional<doichieu::error> first_error;
      if (json) rendered << "{\"schema\":\"doichieu/corpus/v1\",\"events\":[";
      for (std::size_t e = 0; e < events.size(); ++e) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return done[e].has_value(); });
        auto r = std::move(*done[e]);
        done[e].reset();
        lock.unlock();
        if (!r) {
          if (!first_error) first_error = r.error();
          continue;
        }
        if (r->fails_at(*fail_level)) status = exit_findings;
        const auto& ev = events[e];
        if (json) {
          std::ostringstream one;
          doichieu::reports::render_check(*r, *fmt, ropt, one);
          nlohmann::ordered_json obj;
          obj["event"] = ev.name;
          obj["automatic"] = !ev.explicit_event;
          nlohmann::ordered_json members = nlohmann::ordered_json::array();
          for (auto idx : ev.members) members.push_back(g.at(idx).id);
          obj["members"] = std::move(members);
          obj["report"] = nlohmann::ordered_json::parse(one.str(), nullptr, false);
          rendered << (e ? "," : "") << '\n' << obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } else if (per_event_text) {
          rendered << "== " << ev.name << (ev.explicit_event ? "" : " (auto)") << ": ";
          for (std::size_t k = 0; k < ev.members.size(); ++k) rendered << (k ? ", " : "") << g.at(ev.members[k]).id;
          rendered << '\n';
          doichieu::reports::render_check(*r, *fmt, ropt, rendered);
        } else {
          merged.push_back(std::move(*r));
        }
      }
      for (auto& t : pool) t.join();
      if (first_error) return fail(*first_error);
      if (json) rendered << "\n]}\n";
      if (!json && !per_event_text)
        doichieu::reports::render_check(in::merge_reports(std::move(merged)), *fmt, ropt, rendered);
    }

    if (settings.output) {
      const std::string tmp = *settings.output + ".tmp." + std::to_string(::getpid());
      {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << rendered.str();
        if (!f) return fail(doichieu::make_error(error_kind::io, "cannot write", {*settings.output, {}, 0, 0}));
      }
      std::error_code ec;
      std::filesystem::rename(tmp, *settings.output, ec);
      if (ec) {
        std::filesystem::remove(tmp, ec);
        return fail(doichieu::make_error(error_kind::io, "cannot replace", {*settings.output, {}, 0, 0}));
      }
    } else {
      std::cout << rendered.str();
      std::cout.flush();
    }
    return status;
  } catch (const std::exception& e) {
    std::cerr << "doichieu: internal error: " << e.what() << '\n';
    return exit_error;
  }
}

}  // namespace doichieu::cli
