// one_holder_per_position: within one event (the reports checked together), a single-holder position of a
// named organisation ("Bộ trưởng Bộ Công an", "Bí thư Tỉnh ủy Quảng Ninh") cannot belong to two people.
// Positions are compared on position_key (abbreviations expanded, tone variants folded). Only titles that
// name their organisation count: "Bí thư Tỉnh ủy" alone could be any province. Deputies ("Phó …"),
// "Ủy viên" and former holders ("nguyên …") never start with a single-holder post, so they are never
// compared. Two names count as one person when one ends the other ("Lâm" / "Tô Lâm").
//
// params:
//   data   titles.json in rules/data: "single_holder" (posts held by one person per organisation),
//          "shared_positions" (keys that start like a single-holder post but are held by several),
//          "unnamed_organisations" ("tỉnh ủy" alone names no province), "former_cues" ("nguyên") and
//          "clause_verbs" (a title after the name followed by "nêu rõ" is the next clause's subject)
#include <map>

#include "kinds/kind.hpp"
#include "src/officials.hpp"

namespace doichieu::rules {
namespace {

bool ends_with_word(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0 &&
         s[s.size() - tail.size() - 1] == ' ';
}

bool same_person(const std::string& a, const std::string& b) {
  return a == b || ends_with_word(a, b) || ends_with_word(b, a);
}

class one_holder_per_position final : public rule_kind {
 public:
  std::vector<std::string> single_holder;
  std::vector<std::string> shared_positions;
  std::vector<std::string> unnamed_organisations;
  std::vector<std::string> former_cues;
  std::vector<std::string> clause_verbs;

  // The post's organisation is written and names one body ("tỉnh ủy quảng ninh", not "tỉnh ủy").
  bool names_organisation(const std::string& key) const {
    for (const auto& post : single_holder) {
      if (key.size() <= post.size() + 1 || key.compare(0, post.size(), post) != 0 || key[post.size()] != ' ') continue;
      std::string org = key.substr(post.size() + 1);
      for (const auto& u : unnamed_organisations)
        if (org == u) return false;
      return true;
    }
    return false;
  }



  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    struct holder {
      std::string name_key, name, title;
      std::size_t report;
      const fact* f;
    };
    std::map<std::string, holder> first;  // position key -> first holder named
    std::map<std::string, bool> conflicted;
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::person || f.person.name.empty()) continue;
        // A one-word name ("Cộng" cut from "Cộng hòa") is too weak to call two people different.
        if (former_title(*reports[r].doc, f, former_cues) || f.person.name.find(' ') == std::string::npos) continue;
        std::string name_key = fold(f.person.name);
        for (std::size_t i = 0; i < f.person.titles.size(); ++i) {
          const std::string& title = f.person.titles[i];
          if (title_opens_clause(*reports[r].doc, f, i, clause_verbs)) continue;
          std::string key = position_key(title);
          if (!is_single_holder(key, single_holder) || !names_organisation(key)) continue;
          bool shared = false;
          for (const auto& s : shared_positions)
            if (key.compare(0, s.size(), s) == 0) shared = true;
          if (shared) continue;
          auto [it, inserted] = first.try_emplace(key, holder{name_key, f.person.name, title, r, &f});
          if (inserted || same_person(it->second.name_key, name_key)) continue;
          conflicted[key] = true;
          const holder& h = it->second;
          out.push_back(ctx.make(false, {{"position", title}, {"name", f.person.name}, {"other", h.name}},
                                 {location_of(r, f), location_of(h.report, *h.f)}));
        }
      }
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_one_holder_per_position(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"data"}, env); !st) return st.error();
  std::string file = "titles.json";
  if (params.is_object() && params.contains("data")) {
    if (!params["data"].is_string())
      return make_error(error_kind::bad_rule, "key 'params.data': must be a file name in rules/data",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    file = params["data"].get<std::string>();
  }
  std::string path = env.data_dir + "/" + file;
  auto data = read_data_file(path);
  if (!data) return data.error();
  auto lists = read_position_lists(*data, path, env.data_dir);
  if (!lists) return lists.error();
  kind_env data_env{path, env.data_dir};
  auto unnamed = param_strings(*data, "unnamed_organisations", {}, data_env);
  if (!unnamed) return unnamed.error();
  if (lists->single_holder.empty())
    return make_error(error_kind::bad_rule, "key 'single_holder': must list the single-holder posts",
                      source_location{path, std::nullopt, 0, 0});
  auto k = std::make_unique<one_holder_per_position>();
  k->single_holder = std::move(lists->single_holder);
  k->shared_positions = std::move(lists->shared_positions);
  for (const auto& s : *unnamed) k->unnamed_organisations.push_back(position_key(s));
  k->former_cues = std::move(lists->former_cues);
  k->clause_verbs = std::move(lists->clause_verbs);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
