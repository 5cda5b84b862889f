// The one list of output formats.
#include "renderers.hpp"

namespace doichieu::reports {

std::optional<format> format_from_string(std::string_view name) noexcept {
  if (name == "text") return format::text;
  if (name == "json") return format::json;
  return std::nullopt;
}

std::vector<std::string> format_names() { return {"text", "json"}; }

void render_check(const check_report& report, format fmt, const render_options& opts, std::ostream& out) {
  switch (fmt) {
    case format::text: render_check_text(report, opts, out); return;
    case format::json: render_check_json(report, out); return;
  }
}

void render_facts(const std::vector<extraction>& docs, format fmt, const render_options&, std::ostream& out) {
  switch (fmt) {
    case format::text: render_facts_text(docs, out); return;
    case format::json: render_facts_json(docs, out); return;
  }
}

}  // namespace doichieu::reports
