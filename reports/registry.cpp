// The one list of output formats.
#include "renderers.hpp"

namespace doichieu::reports {

std::optional<format> format_from_string(std::string_view name) noexcept {
  if (name == "text") return format::text;
  if (name == "json") return format::json;
  if (name == "sarif") return format::sarif;
  if (name == "github") return format::github;
  if (name == "rdjsonl") return format::rdjsonl;
  if (name == "html") return format::html;
  return std::nullopt;
}

std::vector<std::string> format_names() { return {"text", "json", "sarif", "github", "rdjsonl", "html"}; }

void render_check(const check_report& report, format fmt, const render_options& opts, std::ostream& out) {
  switch (fmt) {
    case format::text: render_check_text(report, opts, out); return;
    case format::json: render_check_json(report, out); return;
    case format::sarif: render_check_sarif(report, opts, out); return;
    case format::github: render_check_github(report, opts, out); return;
    case format::rdjsonl: render_check_rdjsonl(report, opts, out); return;
    case format::html: render_check_html(report, opts, out); return;
  }
}

void render_facts(const std::vector<extraction>& docs, format fmt, const render_options&, std::ostream& out) {
  switch (fmt) {
    case format::text: render_facts_text(docs, out); return;
    case format::json: render_facts_json(docs, out); return;
    // The CI formats describe findings, not facts: extract falls back to its JSON contract.
    case format::sarif:
    case format::github:
    case format::rdjsonl:
    case format::html: render_facts_json(docs, out); return;
  }
}

}  // namespace doichieu::reports
