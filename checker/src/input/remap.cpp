// From extracted-text offsets back to the file the editor has, and merging per-event reports into one.
#include <algorithm>

#include <doichieu/text.hpp>

#include "builder.hpp"

namespace doichieu::input {
namespace {

span locate(const std::vector<std::size_t>& line_starts, std::string_view bytes, std::size_t at) {
  at = std::min(at, bytes.size());
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), at);
  span s;
  s.start = s.end = at;
  s.line = it == line_starts.begin() ? 1 : static_cast<std::size_t>(it - line_starts.begin());
  std::size_t ls = it == line_starts.begin() ? 0 : *(it - 1);
  s.column = 1;
  for (std::size_t i = ls; i < at; ++i)
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++s.column;
  return s;
}

span remap_span(const span& in, const source& src, const std::vector<std::size_t>& line_starts) {
  std::size_t b = src.map.to_original_start(in.start);
  std::size_t e = std::max(b, src.map.to_original_end(in.end));
  span out = locate(line_starts, src.original, b);
  out.end = e;
  return out;
}

int severity_rank(severity s) { return static_cast<int>(s); }

void sort_findings(std::vector<finding>& v) {
  std::stable_sort(v.begin(), v.end(), [](const finding& a, const finding& b) {
    if (a.level != b.level) return severity_rank(a.level) > severity_rank(b.level);
    std::size_t da = a.locations.empty() ? 0 : a.locations[0].document;
    std::size_t db = b.locations.empty() ? 0 : b.locations[0].document;
    if (da != db) return da < db;
    std::size_t oa = a.locations.empty() ? 0 : a.locations[0].where.start;
    std::size_t ob = b.locations.empty() ? 0 : b.locations[0].where.start;
    return oa < ob;
  });
}

}  // namespace

void remap_to_originals(check_report& report, const std::vector<const source*>& sources) {
  for (std::size_t i = 0; i < report.reports.size() && i < sources.size(); ++i) {
    const source* src = sources[i];
    if (!src || src->map.identity()) continue;
    const auto line_starts = find_line_starts(src->original);
    for (auto& f : report.reports[i].facts) f.where = remap_span(f.where, *src, line_starts);
    for (auto* list : {&report.findings, &report.passed})
      for (auto& f : *list)
        for (auto& loc : f.locations)
          if (loc.document == i) loc.where = remap_span(loc.where, *src, line_starts);
    document& doc = report.reports[i].doc;
    doc.original = src->original;
    doc.line_starts = line_starts;
  }
}

check_report merge_reports(std::vector<check_report> parts) {
  if (parts.size() == 1) return std::move(parts.front());
  check_report out;
  for (auto& part : parts) {
    const std::size_t shift = out.reports.size();
    for (auto* list : {&part.findings, &part.passed})
      for (auto& f : *list)
        for (auto& loc : f.locations) loc.document += shift;
    std::move(part.reports.begin(), part.reports.end(), std::back_inserter(out.reports));
    std::move(part.findings.begin(), part.findings.end(), std::back_inserter(out.findings));
    std::move(part.passed.begin(), part.passed.end(), std::back_inserter(out.passed));
    for (auto& r : part.rules)
      if (std::none_of(out.rules.begin(), out.rules.end(), [&](const rule_summary& x) { return x.id == r.id; }))
        out.rules.push_back(std::move(r));
  }
  sort_findings(out.findings);
  std::sort(out.rules.begin(), out.rules.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

void apply_rule_settings(check_report& report, const config& cfg) {
  bool changed = false;
  for (auto& f : report.findings) {
    auto it = cfg.rules.find(f.rule);
    if (it != cfg.rules.end() && it->second.level && *it->second.level != f.level) {
      f.level = *it->second.level;
      changed = true;
    }
  }
  for (auto& r : report.rules) {
    auto it = cfg.rules.find(r.id);
    if (it != cfg.rules.end() && it->second.level) r.level = *it->second.level;
  }
  if (changed) sort_findings(report.findings);
}

std::vector<std::string> disabled_rules(const config& cfg) {
  std::vector<std::string> out;
  for (const auto& [id, setting] : cfg.rules)
    if (!setting.enabled) out.push_back(id);
  return out;
}

}  // namespace doichieu::input
