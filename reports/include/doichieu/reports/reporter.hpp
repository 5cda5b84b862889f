// doichieu/reports/reporter.hpp — one finding model, many renderers (Vale's design).
//
//   doichieu::reports::render_check(report, doichieu::reports::format::json, {}, std::cout);
//
// Renderers write to an ostream and never throw on well-formed input; the format list is the
// single registry in reports/registry.cpp.
#ifndef DOICHIEU_REPORTS_REPORTER_HPP_
#define DOICHIEU_REPORTS_REPORTER_HPP_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/engine.hpp>

namespace doichieu::reports {

enum class format { text, json, sarif, github, rdjsonl, html };
std::optional<format> format_from_string(std::string_view name) noexcept;
std::vector<std::string> format_names();

struct render_options {
  bool color = false;        // ANSI colour in text output
  std::string lang = "vi";  // "vi" or "en" for messages and (html) the page's own text
};

// Lowercase hex SHA-256 of bytes, and its base64 form (Content-Security-Policy script hashes).
std::string sha256_base64(std::string_view bytes);

// `check` output: doichieu/report/v1 for json, gcc-style lines for text, one self-contained page for html.
void render_check(const check_report& report, format fmt, const render_options& opts, std::ostream& out);
// `extract` output: doichieu/facts/v1 for json, one line per fact for text.
void render_facts(const std::vector<extraction>& docs, format fmt, const render_options& opts,
                  std::ostream& out);
// One fact as the JSON object of the facts schema, serialised on one line. `document` is the path or id.
std::string fact_to_json_line(const fact& f, const std::string& document);

}  // namespace doichieu::reports

#endif  // DOICHIEU_REPORTS_REPORTER_HPP_
