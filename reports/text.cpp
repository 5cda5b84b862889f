// Text renderer: gcc-style lines an editor's terminal and every IDE understand.
//
//   bao-a.txt:3:58: error: Tổng 796 tỉ đồng khác tổng các phần 791,2 tỉ đồng [MONEY_PARTS_SUM]
//       3 | ... tổng mức đầu tư 796 tỉ đồng, trong đó ...
//         |                    ^~~~~~~~~~~
//   bao-a.txt:3:90: note: phần: 751,4 tỉ đồng
#include <algorithm>

#include "renderers.hpp"

namespace doichieu::reports {
namespace {

const char* colour_of(severity s) {
  switch (s) {
    case severity::error: return "\x1b[1;31m";
    case severity::warning: return "\x1b[1;35m";
    case severity::info: return "\x1b[1;36m";
  }
  return "";
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// The source line of a location and a caret line under the span (clipped to that line).
void print_excerpt(const document& doc, const span& where, bool color, std::ostream& out) {
  if (where.line == 0 || where.line > doc.line_starts.size()) return;
  std::size_t begin = doc.line_starts[where.line - 1];
  std::size_t end = doc.original.find_first_of("\r\n", begin);
  if (end == std::string::npos) end = doc.original.size();
  std::string_view line(doc.original.data() + begin, end - begin);
  // Very long lines (one paragraph per line is common) are cut to a window around the span.
  std::size_t from = 0, to = line.size();
  std::size_t rel_start = where.start - begin, rel_end = std::min(where.end, end) - begin;
  constexpr std::size_t window = 60;
  if (rel_start > window) {
    from = rel_start - window;
    while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
  }
  if (to - rel_end > window) {
    to = rel_end + window;
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
  }
  std::string prefix = from > 0 ? "…" : "";
  std::string suffix = to < line.size() ? "…" : "";
  std::string number = std::to_string(where.line);
  out << "  " << number << " | " << prefix << line.substr(from, to - from) << suffix << '\n';
  out << "  " << std::string(number.size(), ' ') << " | "
      << std::string(code_points(prefix) + code_points(line.substr(from, rel_start - from)), ' ');
  std::size_t width = std::max<std::size_t>(1, code_points(line.substr(rel_start, rel_end - rel_start)));
  if (color) out << "\x1b[1;32m";
  out << '^' << std::string(width - 1, '~');
  if (color) out << "\x1b[0m";
  out << '\n';
}

void print_location_head(const check_report& report, const location& loc, std::ostream& out) {
  const auto& doc = report.reports.at(loc.document).doc;
  out << doc.path << ':' << loc.where.line << ':' << loc.where.column << ": ";
}

}  // namespace

void render_check_text(const check_report& report, const render_options& opts, std::ostream& out) {
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& f : report.findings) {
    ++counts[static_cast<int>(f.level)];
    const std::string& message = (opts.lang == "en" && !f.message_en.empty()) ? f.message_en : f.message;
    if (f.locations.empty()) {
      out << "doichieu: " << to_string(f.level) << ": " << message << " [" << f.rule << "]\n";
      continue;
    }
    print_location_head(report, f.locations[0], out);
    if (opts.color) out << colour_of(f.level);
    out << to_string(f.level) << ':';
    if (opts.color) out << "\x1b[0m";
    out << ' ' << message << " [" << f.rule << "]\n";
    print_excerpt(report.reports.at(f.locations[0].document).doc, f.locations[0].where, opts.color, out);
    for (std::size_t i = 1; i < f.locations.size(); ++i) {
      print_location_head(report, f.locations[i], out);
      out << (opts.color ? "\x1b[1;90mnote:\x1b[0m " : "note: ") << (opts.lang == "en" ? "related: " : "liên quan: ")
          << f.locations[i].text << '\n';
      // Like gcc's notes: the related figure in its own line, unless it sits on the line just shown.
      const auto& prev = f.locations[i - 1];
      if (prev.document != f.locations[i].document || prev.where.line != f.locations[i].where.line)
        print_excerpt(report.reports.at(f.locations[i].document).doc, f.locations[i].where, opts.color, out);
    }
  }
  const bool en = opts.lang == "en";
  out << (en ? "checked " : "đã kiểm tra ") << report.reports.size() << (en ? " report(s): " : " bản tin: ")
      << counts[2] << (en ? " error(s), " : " lỗi, ") << counts[1] << (en ? " warning(s), " : " cảnh báo, ")
      << report.passed.size() << (en ? " check(s) passed" : " phép kiểm tra khớp") << '\n';
}

void render_facts_text(const std::vector<extraction>& docs, std::ostream& out) {
  for (const auto& d : docs) {
    for (const auto& f : d.facts) {
      out << d.doc.path << ':' << f.where.line << ':' << f.where.column << ": " << to_string(f.kind) << ": "
          << f.text;
      auto j = fact_json(f, d.doc.path);
      for (const char* key : {"value", "from", "to", "unit", "qualifier", "counted", "grain", "name", "titles",
                              "doctype", "number", "issuer", "date", "numerator", "denominator", "calendar", "lunar",
                              "relative", "utc_offset"}) {
        if (j.contains(key)) out << "  " << key << '=' << j[key].dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      }
      out << '\n';
    }
  }
}

}  // namespace doichieu::reports
