// Shared by the renderers: the JSON objects of the v1 schemas.
#ifndef DOICHIEU_REPORTS_RENDERERS_HPP_
#define DOICHIEU_REPORTS_RENDERERS_HPP_

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <doichieu/engine.hpp>
#include <doichieu/reports/reporter.hpp>

namespace doichieu::reports {

nlohmann::ordered_json fact_json(const fact& f, const std::string& document);
nlohmann::ordered_json location_json(const location& loc, const check_report& report);
nlohmann::ordered_json finding_json(const finding& f, const check_report& report);
void render_check_json(const check_report& report, std::ostream& out);
void render_facts_json(const std::vector<extraction>& docs, std::ostream& out);
void render_check_text(const check_report& report, const render_options& opts, std::ostream& out);
void render_facts_text(const std::vector<extraction>& docs, std::ostream& out);
void render_check_sarif(const check_report& report, const render_options& opts, std::ostream& out);
void render_check_github(const check_report& report, const render_options& opts, std::ostream& out);
void render_check_rdjsonl(const check_report& report, const render_options& opts, std::ostream& out);
void render_check_html(const check_report& report, const render_options& opts, std::ostream& out);

}  // namespace doichieu::reports

#endif  // DOICHIEU_REPORTS_RENDERERS_HPP_
