// same_title_for_person: one person's titles must be compatible wherever the person is named, in one report
// or across reports. A subset is fine ("Bộ trưởng Tô Lâm" vs "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an").
// Two things are not: two different ranks (Đại tướng vs Thượng tướng), and two members of one position
// family for the same organisation (Bộ trưởng vs Thứ trưởng Bộ Công an). The title written most often is
// the reference; each mention that departs from it is a finding whose primary location is that title and
// whose related locations are the reference mentions. A person named with titles in two or more reports
// and no conflict gets a passed check.
//
// params:
//   data   the ranks/positions table in rules/data   (default "titles.json")
#include <algorithm>
#include <map>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

bool starts_with_word(const std::string& text, const std::string& word) {
  return text.size() >= word.size() && text.compare(0, word.size(), word) == 0 &&
         (text.size() == word.size() || text[word.size()] == ' ');
}

std::string trim(std::string s) {
  auto not_space = [](char c) { return c != ' ' && c != ',' && c != '-'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// "bộ công an" and "công an" name the same body; an unnamed organisation matches any.
bool same_org(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

struct mention {
  std::size_t report;
  const fact* f;
  std::string title;  // as written
  std::string value;  // folded rank, or folded position (family member)
  std::string org;    // folded organisation after a position
  std::size_t family = 0;
};

class same_title_for_person final : public rule_kind {
 public:
  std::vector<std::string> ranks;                     // longest first
  std::vector<std::pair<std::string, std::size_t>> posts;  // member -> family, longest first

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    // name (folded) -> mentions; std::map keeps the output order stable.
    std::map<std::string, std::vector<mention>> rank_mentions, post_mentions;
    std::map<std::string, std::vector<std::pair<std::size_t, const fact*>>> named;
    std::map<std::string, std::string> display;
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::person || f.person.name.empty() || f.person.titles.empty()) continue;
        std::string name = fold(f.person.name);
        display.emplace(name, f.person.name);
        named[name].emplace_back(r, &f);
        for (const auto& title : f.person.titles) classify(r, f, title, rank_mentions[name], post_mentions[name]);
      }
    }
    for (const auto& [name, list] : named) {
      bool conflict = false;
      conflict |= check(reports, ctx, display[name], rank_mentions[name], "rank", out);
      // Positions conflict only within one family and for the same organisation.
      std::map<std::size_t, std::vector<mention>> by_family;
      for (const auto& m : post_mentions[name]) by_family[m.family].push_back(m);
      for (auto& [family, ms] : by_family) conflict |= check(reports, ctx, display[name], ms, "position", out);

      std::vector<std::size_t> seen_reports;
      std::vector<location> locs;
      for (const auto& [r, f] : list) {
        if (std::find(seen_reports.begin(), seen_reports.end(), r) != seen_reports.end()) continue;
        seen_reports.push_back(r);
        locs.push_back(location_of(r, *f));
      }
      if (conflict || seen_reports.size() < 2) continue;
      std::string titles;
      std::vector<std::string> seen_titles;
      for (const auto& [r, f] : list)
        for (const auto& t : f->person.titles)
          if (std::find(seen_titles.begin(), seen_titles.end(), fold(t)) == seen_titles.end()) {
            seen_titles.push_back(fold(t));
            titles += (titles.empty() ? "" : ", ") + t;
          }
      out.push_back(ctx.make(true, {{"name", display[name]}, {"titles", titles}, {"aspect", "all"},
                                    {"title", titles}, {"other", titles}}, std::move(locs)));
    }
  }

 private:
  void classify(std::size_t r, const fact& f, const std::string& title, std::vector<mention>& rank_out,
                std::vector<mention>& post_out) const {
    std::string folded = fold(title);
    for (const auto& rank : ranks) {
      if (starts_with_word(folded, rank)) {
        rank_out.push_back({r, &f, title, rank, {}, 0});
        return;
      }
    }
    for (const auto& [post, family] : posts) {
      if (starts_with_word(folded, post)) {
        post_out.push_back({r, &f, title, post, trim(folded.substr(post.size())), family});
        return;
      }
    }
  }

  // The exact bytes of a title inside the person's span, so the finding points at the word that changed.
  static location title_location(std::span<const report_view> reports, const mention& m) {
    const document& doc = *reports[m.report].doc;
    std::size_t b = std::min(m.f->nfc_begin, doc.folded.size());
    std::size_t e = std::min(m.f->nfc_end, doc.folded.size());
    std::string needle = fold(m.title);
    auto p = std::string_view(doc.folded).substr(b, e - b).find(needle);
    if (p == std::string_view::npos) return location_of(m.report, *m.f);
    return location_of(m.report, doc, b + p, b + p + needle.size());
  }

  // Returns true when some mention conflicts with the reference value.
  bool check(std::span<const report_view> reports, const rule_context& ctx, const std::string& name,
             const std::vector<mention>& ms, const char* aspect, std::vector<finding>& out) const {
    if (ms.size() < 2) return false;
    std::map<std::string, std::size_t> votes;
    for (const auto& m : ms) ++votes[m.value];
    if (votes.size() < 2) return false;
    std::string ref;
    std::size_t best = 0;
    for (const auto& m : ms)  // first written wins ties
      if (votes[m.value] > best) {
        best = votes[m.value];
        ref = m.value;
      }
    bool any = false;
    for (const auto& m : ms) {
      if (m.value == ref) continue;
      std::vector<location> locs{title_location(reports, m)};
      std::string ref_title;
      for (const auto& other : ms) {
        if (other.value != ref || !same_org(other.org, m.org)) continue;
        locs.push_back(title_location(reports, other));
        if (ref_title.empty()) ref_title = other.title;
      }
      if (locs.size() < 2) continue;  // a deputy post in another organisation is not a contradiction
      any = true;
      out.push_back(ctx.make(false, {{"name", name}, {"title", m.title}, {"other", ref_title},
                                     {"aspect", std::string(aspect)}, {"titles", ref_title}}, std::move(locs)));
    }
    return any;
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_same_title_for_person(const nlohmann::json& params, const kind_env& env) {
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
  kind_env data_env{path, env.data_dir};
  auto k = std::make_unique<same_title_for_person>();
  auto ranks = param_strings(*data, "ranks", {}, data_env);
  if (!ranks) return ranks.error();
  k->ranks = std::move(*ranks);
  if (!data->contains("positions") || !(*data)["positions"].is_array())
    return make_error(error_kind::bad_rule, "key 'positions': must be an array of arrays of strings",
                      source_location{path, std::nullopt, 0, 0});
  std::size_t family = 0;
  for (const auto& fam : (*data)["positions"]) {
    if (!fam.is_array())
      return make_error(error_kind::bad_rule, "key 'positions': must be an array of arrays of strings",
                        source_location{path, std::nullopt, 0, 0});
    for (const auto& member : fam) {
      if (!member.is_string())
        return make_error(error_kind::bad_rule, "key 'positions': must be an array of arrays of strings",
                          source_location{path, std::nullopt, 0, 0});
      k->posts.emplace_back(fold(member.get<std::string>()), family);
    }
    ++family;
  }
  // Longest first: "phó đô đốc" before "đô đốc", "tổng bí thư" before "bí thư".
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(k->ranks.begin(), k->ranks.end(), longer);
  std::stable_sort(k->posts.begin(), k->posts.end(), [&](const auto& a, const auto& b) { return longer(a.first, b.first); });
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
