// Inline suppressions: <!-- doichieu-disable RULE_ID: reason --> … <!-- doichieu-enable RULE_ID -->, and
// <!-- doichieu-disable-next-line RULE_ID: reason -->. A reason is required: a silenced check must say why
// to the next editor (ESLint's --report-unused-disable-directives / "description" idea).
#include <algorithm>

#include <doichieu/text.hpp>

#include "builder.hpp"

namespace doichieu::input {
namespace detail {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_ids(std::string_view ids) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= ids.size()) {
    std::size_t comma = ids.find(',', start);
    if (comma == std::string_view::npos) comma = ids.size();
    std::string id = trim(ids.substr(start, comma - start));
    if (!id.empty()) out.push_back(id);
    start = comma + 1;
  }
  return out;
}

bool valid_id(std::string_view id) {
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

}  // namespace

result<std::vector<suppression>> scan_suppressions(const std::string& path, std::string_view original,
                                                   const std::vector<std::pair<std::size_t, std::size_t>>& ignore) {
  const auto line_starts = find_line_starts(original);
  auto where = [&](std::size_t at) {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), at);
    std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
    std::size_t ls = line ? line_starts[line - 1] : 0;
    std::size_t col = 1;
    for (std::size_t i = ls; i < at; ++i)
      if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) ++col;
    return std::pair<std::size_t, std::size_t>{line ? line : 1, col};
  };
  auto fail = [&](std::size_t at, const std::string& message) -> error {
    auto [line, col] = where(at);
    return make_error(error_kind::bad_config, message, {path, at, line, col});
  };
  std::vector<suppression> out;
  std::vector<std::size_t> open;  // indices of region suppressions not yet closed
  std::size_t pos = 0;
  while ((pos = original.find("<!--", pos)) != std::string_view::npos) {
    const std::size_t start = pos;
    std::size_t close = original.find("-->", start + 4);
    if (close == std::string_view::npos) break;
    pos = close + 3;
    if (std::any_of(ignore.begin(), ignore.end(), [&](auto r) { return start >= r.first && start < r.second; }))
      continue;
    std::string body = trim(original.substr(start + 4, close - start - 4));
    if (body.rfind("doichieu-", 0) != 0) continue;
    std::size_t sp = body.find_first_of(" \t\n");
    std::string directive = body.substr(0, sp);
    std::string rest = sp == std::string::npos ? std::string() : trim(std::string_view(body).substr(sp));
    const std::string allowed = "doichieu-disable, doichieu-enable, doichieu-disable-next-line";
    if (directive != "doichieu-disable" && directive != "doichieu-enable" && directive != "doichieu-disable-next-line")
      return fail(start, "unknown directive '" + directive + "' (allowed: " + allowed + ")");
    std::string ids_part = rest, reason;
    if (auto colon = rest.find(':'); colon != std::string::npos) {
      ids_part = rest.substr(0, colon);
      reason = trim(std::string_view(rest).substr(colon + 1));
    }
    auto ids = split_ids(ids_part);
    if (ids.empty()) return fail(start, directive + " needs a RULE_ID");
    for (const auto& id : ids)
      if (!valid_id(id)) return fail(start, "'" + id + "' is not a RULE_ID (UPPER_SNAKE_CASE)");
    auto [line, col] = where(start);
    if (directive == "doichieu-enable") {
      for (const auto& id : ids) {
        auto it = std::find_if(open.begin(), open.end(), [&](std::size_t k) { return out[k].rule == id; });
        if (it == open.end()) return fail(start, "doichieu-enable " + id + " without a matching doichieu-disable");
        out[*it].end = start;
        open.erase(it);
      }
      continue;
    }
    if (reason.empty())
      return fail(start, directive + " " + ids_part + ": a reason is required (" + directive + " RULE_ID: reason)");
    for (const auto& id : ids) {
      suppression s;
      s.rule = id;
      s.reason = reason;
      s.line = line;
      s.column = col;
      if (directive == "doichieu-disable-next-line") {
        s.next_line = true;
        // The line after the one the comment ends on.
        auto [end_line, end_col] = where(close);
        (void)end_col;
        s.begin = end_line < line_starts.size() ? line_starts[end_line] : original.size();
        s.end = end_line + 1 < line_starts.size() ? line_starts[end_line + 1] : original.size();
      } else {
        s.begin = close + 3;
        s.end = original.size();
        open.push_back(out.size());
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace detail

std::vector<suppressed_finding> apply_suppressions(check_report& report, const std::vector<const source*>& sources) {
  std::vector<suppressed_finding> silenced;
  auto covering = [&](const finding& f) -> const suppression* {
    if (f.locations.empty()) return nullptr;
    const location& loc = f.locations.front();
    if (loc.document >= sources.size() || !sources[loc.document]) return nullptr;
    for (const auto& s : sources[loc.document]->suppressions)
      if (s.rule == f.rule && loc.where.start >= s.begin && loc.where.start < s.end) return &s;
    return nullptr;
  };
  for (auto* list : {&report.findings, &report.passed}) {
    std::vector<finding> kept;
    for (auto& f : *list) {
      if (const suppression* s = covering(f)) {
        if (list == &report.findings)
          silenced.push_back({f, *s, sources[f.locations.front().document]->path});
      } else {
        kept.push_back(std::move(f));
      }
    }
    *list = std::move(kept);
  }
  return silenced;
}

}  // namespace doichieu::input
