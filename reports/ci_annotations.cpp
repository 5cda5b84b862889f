// Line formats that CI systems read straight from a job's output.
//   github:  GitHub Actions workflow commands (::error file=…,line=…::message)
//   rdjsonl: reviewdog's rdjsonl (one Diagnostic JSON object per line; its columns count UTF-8 bytes)
#include "paths.hpp"
#include "renderers.hpp"

namespace doichieu::reports {
namespace {

using nlohmann::ordered_json;

// Workflow-command escaping: data escapes % CR LF; property values also escape ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

const char* github_command(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "notice";
  }
  return "error";
}

const std::string& message_of(const finding& f, const render_options& opts) {
  return (opts.lang == "en" && !f.message_en.empty()) ? f.message_en : f.message;
}

// 1-based column counted in UTF-8 bytes from the start of the line.
std::size_t byte_column(const document& doc, std::size_t offset) {
  span at = doc.locate(offset);
  std::size_t line_start = at.line >= 1 && at.line <= doc.line_starts.size() ? doc.line_starts[at.line - 1] : 0;
  return offset - line_start + 1;
}

ordered_json rd_location(const check_report& report, const location& loc) {
  const document& doc = report.reports.at(loc.document).doc;
  span end = doc.locate(loc.where.end);
  return {{"path", repo_relative(doc.path)},
          {"range",
           {{"start", {{"line", loc.where.line}, {"column", byte_column(doc, loc.where.start)}}},
            {"end", {{"line", end.line}, {"column", byte_column(doc, loc.where.end)}}}}}};
}

}  // namespace

void render_check_github(const check_report& report, const render_options& opts, std::ostream& out) {
  for (const auto& f : report.findings) {
    out << "::" << github_command(f.level);
    if (!f.locations.empty()) {
      const auto& loc = f.locations[0];
      const document& doc = report.reports.at(loc.document).doc;
      span end = doc.locate(loc.where.end);
      out << " file=" << escape_property(repo_relative(doc.path)) << ",line=" << loc.where.line
          << ",endLine=" << end.line;
      // GitHub only honours columns on single-line annotations.
      if (end.line == loc.where.line) out << ",col=" << loc.where.column << ",endColumn=" << end.column;
      out << ',';
    } else {
      out << ' ';
    }
    out << "title=" << escape_property("doichieu " + f.rule) << "::" << escape_data(message_of(f, opts));
    for (std::size_t i = 1; i < f.locations.size(); ++i) {
      const auto& loc = f.locations[i];
      out << escape_data("\n") << escape_data(repo_relative(report.reports.at(loc.document).doc.path) + ":" +
                                              std::to_string(loc.where.line) + ":" +
                                              std::to_string(loc.where.column) + ": " + loc.text);
    }
    out << '\n';
  }
}

void render_check_rdjsonl(const check_report& report, const render_options& opts, std::ostream& out) {
  for (const auto& f : report.findings) {
    ordered_json d;
    d["message"] = message_of(f, opts);
    if (!f.locations.empty()) d["location"] = rd_location(report, f.locations[0]);
    d["severity"] = f.level == severity::error ? "ERROR" : (f.level == severity::warning ? "WARNING" : "INFO");
    d["source"] = {{"name", "doichieu"}};
    d["code"] = {{"value", f.rule}};
    if (f.locations.size() > 1) {
      ordered_json related = ordered_json::array();
      for (std::size_t i = 1; i < f.locations.size(); ++i)
        related.push_back({{"message", f.locations[i].text}, {"location", rd_location(report, f.locations[i])}});
      d["related_locations"] = std::move(related);
    }
    out << d.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
}

}  // namespace doichieu::reports
