// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
// Columns count Unicode code points (columnKind unicodeCodePoints); regions also carry byteOffset and
// byteLength so tools that work on bytes can use them directly.
#include "paths.hpp"
#include "renderers.hpp"

namespace doichieu::reports {
namespace {

using nlohmann::ordered_json;

const char* sarif_level(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "note";
  }
  return "error";
}

ordered_json physical_location(const check_report& report, const location& loc) {
  const document& doc = report.reports.at(loc.document).doc;
  span end = doc.locate(loc.where.end);
  ordered_json region;
  region["startLine"] = loc.where.line;
  region["startColumn"] = loc.where.column;
  region["endLine"] = end.line;
  region["endColumn"] = end.column;
  region["byteOffset"] = loc.where.start;
  region["byteLength"] = loc.where.end - loc.where.start;
  region["snippet"] = {{"text", loc.text}};
  ordered_json phys;
  phys["artifactLocation"] = {{"uri", to_uri(doc.path)}};
  phys["region"] = std::move(region);
  return phys;
}

}  // namespace

void render_check_sarif(const check_report& report, const render_options& opts, std::ostream& out) {
  const bool en = opts.lang == "en";
  ordered_json rules = ordered_json::array();
  for (const auto& r : report.rules) {
    ordered_json rule;
    rule["id"] = r.id;
    rule["name"] = r.id;
    rule["shortDescription"] = {{"text", r.description.empty() ? r.id : r.description}};
    rule["defaultConfiguration"] = {{"level", sarif_level(r.level)}};
    rule["properties"] = {{"kind", r.kind}};
    rules.push_back(std::move(rule));
  }
  auto rule_index = [&](const std::string& id) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < report.rules.size(); ++i)
      if (report.rules[i].id == id) return i;
    return std::nullopt;
  };
  ordered_json results = ordered_json::array();
  for (const auto& f : report.findings) {
    ordered_json r;
    r["ruleId"] = f.rule;
    if (auto i = rule_index(f.rule)) r["ruleIndex"] = *i;
    r["level"] = sarif_level(f.level);
    r["message"] = {{"text", (en && !f.message_en.empty()) ? f.message_en : f.message}};
    ordered_json locations = ordered_json::array();
    ordered_json related = ordered_json::array();
    std::string identity = f.rule;
    for (std::size_t i = 0; i < f.locations.size(); ++i) {
      const auto& loc = f.locations[i];
      identity += '\x1f' + repo_relative(report.reports.at(loc.document).doc.path) + '\x1f' + loc.text;
      ordered_json l;
      if (i > 0) l["id"] = i;
      l["physicalLocation"] = physical_location(report, loc);
      (i == 0 ? locations : related).push_back(std::move(l));
    }
    r["locations"] = std::move(locations);
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    // Line numbers are left out on purpose: an edit above a finding must not make it look new.
    r["partialFingerprints"] = {{"doichieuFindingHash/v1", fingerprint(identity)}};
    results.push_back(std::move(r));
  }
  ordered_json artifacts = ordered_json::array();
  for (const auto& r : report.reports) {
    artifacts.push_back({{"location", {{"uri", to_uri(r.doc.path)}}},
                         {"length", r.doc.original.size()},
                         {"encoding", "utf-8"}});
  }
  ordered_json driver;
  driver["name"] = "doichieu";
  driver["version"] = "0.1.0";
  driver["semanticVersion"] = "0.1.0";
  driver["informationUri"] = "https://github.com/doichieu/doichieu";
  driver["rules"] = std::move(rules);
  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["artifacts"] = std::move(artifacts);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  ordered_json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = ordered_json::array({std::move(run)});
  out << sarif.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace doichieu::reports
