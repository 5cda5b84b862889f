// title_held_on_date: a position stated for a person in a report whose publication date is known must fall
// inside one of that person's tenures of that position in the officials gazetteer (rules/data/officials.json).
// It fires when the gazetteer knows the person in that position but no tenure covers the date (the message
// gives the tenures), or when the position is a single-holder one and the gazetteer names someone else as its holder on that date. Silent when the
// gazetteer knows neither the person in that position nor the position's holder on that date.
// Positions are compared on position_key (see src/officials.hpp); names on their folded form.
//
// params:
//   gazetteer  the officials file in rules/data   (default "officials.json")
//   data       titles.json, for "single_holder" and "shared_positions"   (default "titles.json")
#include <map>

#include "kinds/kind.hpp"
#include "src/officials.hpp"

namespace doichieu::rules {
namespace {

class title_held_on_date final : public rule_kind {
 public:
  std::vector<tenure> officials;
  std::vector<std::string> single_holder;
  std::vector<std::string> shared_positions;
  std::vector<std::string> former_cues, clause_verbs;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      if (!doc.published || !doc.published->year || !doc.published->month || !doc.published->day) continue;
      std::string date = to_iso(*doc.published).substr(0, 10);
      auto day = iso_day(date);
      if (!day) continue;
      for (const auto& f : *reports[r].facts) {
        // One-word names ("Cộng" cut from "Cộng hòa") and former titles ("nguyên Bộ trưởng") are not judged.
        if (f.kind != fact_kind::person || f.person.name.find(' ') == std::string::npos) continue;
        if (former_title(doc, f, former_cues)) continue;
        std::string name_key = fold(f.person.name);
        for (std::size_t i = 0; i < f.person.titles.size(); ++i)
          if (!title_opens_clause(doc, f, i, clause_verbs)) check(r, f, name_key, f.person.titles[i], date, *day, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const fact& f, const std::string& name_key, const std::string& title,
             const std::string& date, long day, const rule_context& ctx, std::vector<finding>& out) const {
    std::string key = position_key(title);
    std::string tenures;
    bool known = false;
    for (const auto& t : officials) {
      if (t.person_key != name_key || t.key != key) continue;
      if (t.covers(day)) return;  // held on that date
      known = true;
      tenures += (tenures.empty() ? "" : "; ") + t.from + " – " + (t.to.empty() ? "…" : t.to);
    }
    if (known) {
      out.push_back(ctx.make(false, {{"aspect", "tenure"}, {"name", f.person.name}, {"title", title},
                                     {"date", date}, {"tenures", tenures}, {"other", ""}},
                             {location_of(r, f)}));
      return;
    }
    if (!is_single_holder(key, single_holder)) return;
    for (const auto& s : shared_positions)
      if (key.compare(0, s.size(), s) == 0) return;
    for (const auto& t : officials) {
      if (t.key != key || !t.covers(day) || t.person_key == name_key) continue;
      std::string span = t.from + " – " + (t.to.empty() ? "…" : t.to);
      out.push_back(ctx.make(false, {{"aspect", "holder"}, {"name", f.person.name}, {"title", title},
                                     {"date", date}, {"tenures", span}, {"other", t.person}},
                             {location_of(r, f)}));
      return;
    }
  }
};

result<std::string> file_param(const nlohmann::json& params, const char* key, const char* fallback,
                               const kind_env& env) {
  if (!params.is_object() || !params.contains(key)) return std::string(fallback);
  if (!params[key].is_string())
    return make_error(error_kind::bad_rule, std::string("key 'params.") + key + "': must be a file name in rules/data",
                      source_location{env.rule_path, std::nullopt, 0, 0});
  return params[key].get<std::string>();
}

}  // namespace

result<std::unique_ptr<const rule_kind>> make_title_held_on_date(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"gazetteer", "data"}, env); !st) return st.error();
  auto gazetteer = file_param(params, "gazetteer", "officials.json", env);
  if (!gazetteer) return gazetteer.error();
  auto titles = file_param(params, "data", "titles.json", env);
  if (!titles) return titles.error();
  auto k = std::make_unique<title_held_on_date>();
  auto officials = read_gazetteer(env.data_dir + "/" + *gazetteer, error_kind::bad_rule);
  if (!officials) return officials.error();
  k->officials = std::move(*officials);
  // The user's own gazetteers (.doichieu.json "gazetteers"): their mistakes are configuration errors.
  for (const auto& extra : env.gazetteers) {
    auto more = read_gazetteer(extra, error_kind::bad_config);
    if (!more) return more.error();
    k->officials.insert(k->officials.end(), more->begin(), more->end());
  }
  std::string path = env.data_dir + "/" + *titles;
  auto data = read_data_file(path);
  if (!data) return data.error();
  auto lists = read_position_lists(*data, path, env.data_dir);
  if (!lists) return lists.error();
  k->single_holder = std::move(lists->single_holder);
  k->shared_positions = std::move(lists->shared_positions);
  k->former_cues = std::move(lists->former_cues);
  k->clause_verbs = std::move(lists->clause_verbs);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
