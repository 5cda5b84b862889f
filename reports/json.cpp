// JSON renderers: doichieu/report/v1 (check) and doichieu/facts/v1 (extract). Schemas: schemas/*.schema.json.
#include <nlohmann/json.hpp>

#include <doichieu/reports/reporter.hpp>

#include "renderers.hpp"

namespace doichieu::reports {
namespace {

using nlohmann::ordered_json;

ordered_json number_json(const decimal& d) {
  decimal n = d.normalized();
  if (n.scale == 0) return n.mantissa;
  return n.to_double();
}

void put_amount(ordered_json& j, const fact& f) {
  const amount& a = f.amount_value;
  if (a.value) j["value"] = number_json(*a.value);
  if (a.from) j["from"] = number_json(*a.from);
  if (a.to) j["to"] = number_json(*a.to);
  if (!a.unit.empty()) j["unit"] = a.unit;
  if (!a.counted.empty()) j["counted"] = a.counted;
  j["qualifier"] = std::string(to_string(a.qual));
}

void put_time(ordered_json& j, const fact& f) {
  const when& w = f.time_value;
  if (w.value) j["value"] = to_iso(*w.value);
  if (w.from) j["from"] = to_iso(*w.from);
  if (w.to) j["to"] = to_iso(*w.to);
  j["grain"] = std::string(to_string(w.precision));
  if (w.lunar_calendar) {
    j["calendar"] = "lunar";
    if (w.lunar) j["lunar"] = to_iso(*w.lunar);
    if (w.lunar_leap) j["lunar_leap"] = true;
  }
  if (w.relative) j["relative"] = to_iso(*w.relative);
  if (w.utc_offset_minutes) {
    const int m = *w.utc_offset_minutes, a = m < 0 ? -m : m;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', a / 60 % 100, a % 60);
    j["utc_offset"] = buf;
  }
}

}  // namespace

ordered_json fact_json(const fact& f, const std::string& document) {
  ordered_json j;
  j["kind"] = std::string(to_string(f.kind));
  j["document"] = document;
  j["start"] = f.where.start;
  j["end"] = f.where.end;
  j["line"] = f.where.line;
  j["column"] = f.where.column;
  j["text"] = f.text;
  switch (f.kind) {
    case fact_kind::number:
    case fact_kind::ordinal:
    case fact_kind::money:
    case fact_kind::quantity:
    case fact_kind::percent:
    case fact_kind::ratio:
    case fact_kind::duration:
      put_amount(j, f);
      break;
    case fact_kind::fraction:
      j["numerator"] = f.fraction.numerator;
      j["denominator"] = f.fraction.denominator;
      break;
    case fact_kind::date:
    case fact_kind::time:
      put_time(j, f);
      break;
    case fact_kind::person:
      j["name"] = f.person.name;
      j["titles"] = f.person.titles;
      break;
    case fact_kind::docref:
      j["doctype"] = f.docref.doctype;
      j["number"] = f.docref.number;
      if (!f.docref.issuer.empty()) j["issuer"] = f.docref.issuer;
      if (f.docref.date) j["date"] = to_iso(*f.docref.date);
      break;
  }
  return j;
}

ordered_json location_json(const location& loc, const check_report& report) {
  ordered_json j;
  j["document"] = loc.document < report.reports.size() ? report.reports[loc.document].doc.path : std::string();
  j["start"] = loc.where.start;
  j["end"] = loc.where.end;
  j["line"] = loc.where.line;
  j["column"] = loc.where.column;
  j["text"] = loc.text;
  return j;
}

ordered_json finding_json(const finding& f, const check_report& report) {
  ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = std::string(to_string(f.level));
  j["message"] = f.message;
  if (!f.message_en.empty()) j["message_en"] = f.message_en;
  ordered_json locs = ordered_json::array();
  for (std::size_t i = 0; i < f.locations.size(); ++i) {
    ordered_json l = location_json(f.locations[i], report);
    // The first location is where the problem is; the others are the figures it was compared with.
    l["role"] = i == 0 ? "primary" : "related";
    locs.push_back(std::move(l));
  }
  j["locations"] = std::move(locs);
  return j;
}

std::string fact_to_json_line(const fact& f, const std::string& document) {
  return fact_json(f, document).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void render_check_json(const check_report& report, std::ostream& out) {
  ordered_json j;
  j["schema"] = "doichieu/report/v1";
  ordered_json docs = ordered_json::array();
  for (const auto& r : report.reports) {
    ordered_json d;
    d["path"] = r.doc.path;
    d["bytes"] = r.doc.original.size();
    d["sentences"] = r.doc.sentences.size();
    d["facts"] = r.facts.size();
    docs.push_back(std::move(d));
  }
  j["documents"] = std::move(docs);
  ordered_json findings = ordered_json::array();
  for (const auto& f : report.findings) findings.push_back(finding_json(f, report));
  j["findings"] = std::move(findings);
  ordered_json rules = ordered_json::array();
  for (const auto& r : report.rules) {
    rules.push_back({{"id", r.id}, {"kind", r.kind}, {"severity", std::string(to_string(r.level))},
                     {"description", r.description}});
  }
  j["rules"] = std::move(rules);
  ordered_json checks = ordered_json::array();
  for (const auto& f : report.passed) checks.push_back(finding_json(f, report));
  j["checks"] = std::move(checks);
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& f : report.findings) ++counts[static_cast<int>(f.level)];
  j["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"info", counts[0]}, {"passed", report.passed.size()}};
  out << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

void render_facts_json(const std::vector<extraction>& docs, std::ostream& out) {
  ordered_json j;
  j["schema"] = "doichieu/facts/v1";
  ordered_json documents = ordered_json::array();
  ordered_json facts = ordered_json::array();
  for (const auto& d : docs) {
    documents.push_back({{"path", d.doc.path}, {"bytes", d.doc.original.size()}, {"facts", d.facts.size()}});
    for (const auto& f : d.facts) facts.push_back(fact_json(f, d.doc.path));
  }
  j["documents"] = std::move(documents);
  j["facts"] = std::move(facts);
  out << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace doichieu::reports
