// The officials gazetteer reader and position keys (see officials.hpp).
#include "src/officials.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

// Old tone placement in "oa/oe/uy" syllables written by some newsrooms; folded to the modern form so
// "Uỷ ban" and "Ủy ban" are one key.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> tone_variants{{
    {"uỷ", "ủy"}, {"uý", "úy"}, {"uỳ", "ùy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"},
    {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
    {"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> abbreviations{{
    {"ubnd", "ủy ban nhân dân"}, {"hđnd", "hội đồng nhân dân"}, {"tw", "trung ương"},
    {"tp", "thành phố"}, {"bch", "ban chấp hành"}, {"mttq", "mặt trận tổ quốc"},
}};

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

}  // namespace

std::string position_key(std::string_view title) {
  std::string s = fold(title);
  for (auto& c : s)
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '-' || c == '\n')
      c = ' ';
  for (const auto& [from, to] : tone_variants) replace_all(s, from, to);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t e = s.find(' ', i);
    if (e == std::string::npos) e = s.size();
    if (e == i) break;
    std::string_view word(s.data() + i, e - i);
    for (const auto& [abbr, full] : abbreviations)
      if (word == abbr) word = full;
    if (!out.empty()) out += ' ';
    out += word;
    i = e;
  }
  return out;
}

std::optional<long> iso_day(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto num = [&](std::size_t b, std::size_t n) -> long {
    long v = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  long y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (H. Hinnant): exact ordering and differences between dates.
  y -= m <= 2;
  long era = y / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

result<std::vector<tenure>> read_gazetteer(const std::string& path, error_kind kind) {
  auto data = read_data_file(path);
  if (!data) return make_error(kind, data.error().message, source_location{path, std::nullopt, 0, 0});
  auto bad = [&](const std::string& what) {
    return make_error(kind, what, source_location{path, std::nullopt, 0, 0});
  };
  if (!data->is_object() || !data->contains("officials") || !(*data)["officials"].is_array())
    return bad("key 'officials': must be an array of {person, position, organisation, from, to, source}");
  std::vector<tenure> out;
  std::size_t index = 0;
  for (const auto& e : (*data)["officials"]) {
    std::string where = "entry officials[" + std::to_string(index++) + "]";
    if (!e.is_object()) return bad(where + ": must be an object");
    for (const auto& [k, v] : e.items())
      if (k != "person" && k != "position" && k != "organisation" && k != "from" && k != "to" && k != "source" &&
          k != "note")
        return bad(where + ": unknown key '" + k + "' (allowed: person, position, organisation, from, to, source, note)");
    auto str = [&](const char* k) -> std::optional<std::string> {
      if (!e.contains(k) || !e[k].is_string()) return std::nullopt;
      return e[k].get<std::string>();
    };
    tenure t;
    auto person = str("person"), position = str("position"), org = str("organisation"), from = str("from"),
         source = str("source");
    if (!person || person->empty()) return bad(where + ": key 'person' must be a non-empty string");
    if (!position || position->empty()) return bad(where + " (" + *person + "): key 'position' must be a non-empty string");
    if (!org) return bad(where + " (" + *person + "): key 'organisation' must be a string (empty when the position names it)");
    if (!source || source->empty()) return bad(where + " (" + *person + "): key 'source' must be a non-empty citation");
    if (!from || !iso_day(*from)) return bad(where + " (" + *person + "): key 'from' must be an ISO date such as \"2024-05-22\"");
    t.from_day = *iso_day(*from);
    t.from = *from;
    if (!e.contains("to") || e["to"].is_null()) {
      t.to_day = *iso_day("9999-12-31");
    } else if (auto to = str("to"); to && iso_day(*to) && *iso_day(*to) >= t.from_day) {
      t.to = *to;
      t.to_day = *iso_day(*to);
    } else {
      return bad(where + " (" + *person + "): key 'to' must be null or an ISO date not before 'from'");
    }
    t.person = *person;
    t.person_key = fold(*person);
    t.position = org->empty() ? *position : *position + " " + *org;
    t.key = position_key(t.position);
    out.push_back(std::move(t));
  }
  return out;
}

bool is_single_holder(const std::string& key, const std::vector<std::string>& posts) {
  for (const auto& p : posts)
    if (key.size() > p.size() + 1 && key.compare(0, p.size(), p) == 0 && key[p.size()] == ' ') return true;
  return false;
}

bool former_title(const document& doc, const fact& f, const std::vector<std::string>& former_cues) {
  std::string_view before = sentence_before(doc, f);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (const auto& cue : former_cues)
    if (before.size() >= cue.size() && before.substr(before.size() - cue.size()) == cue &&
        (before.size() == cue.size() || before[before.size() - cue.size() - 1] == ' '))
      return true;
  return false;
}

bool title_opens_clause(const document& doc, const fact& f, std::size_t title_index,
                        const std::vector<std::string>& clause_verbs) {
  if (title_index + 1 != f.person.titles.size()) return false;
  std::string text = fold(f.text), title = fold(f.person.titles[title_index]), name = fold(f.person.name);
  if (text.rfind(title) == std::string::npos || text.rfind(title) < text.find(name)) return false;
  std::string_view after = sentence_after(doc, f);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  for (const auto& v : clause_verbs)
    if (after.size() >= v.size() && after.substr(0, v.size()) == v &&
        (after.size() == v.size() || after[v.size()] == ' ' || after[v.size()] == ':' || after[v.size()] == ','))
      return true;
  return false;
}

result<position_lists> read_position_lists(const nlohmann::json& data, const std::string& path,
                                           const std::string& data_dir) {
  kind_env data_env{path, data_dir};
  position_lists lists;
  auto single = param_strings(data, "single_holder", {}, data_env);
  if (!single) return single.error();
  auto shared = param_strings(data, "shared_positions", {}, data_env);
  if (!shared) return shared.error();
  auto former = param_strings(data, "former_cues", {"nguyên"}, data_env);
  if (!former) return former.error();
  auto verbs = param_strings(data, "clause_verbs", {}, data_env);
  if (!verbs) return verbs.error();
  for (const auto& s : *single) lists.single_holder.push_back(position_key(s));
  for (const auto& s : *shared) lists.shared_positions.push_back(position_key(s));
  for (const auto& s : *former) lists.former_cues.push_back(fold(s));
  for (const auto& s : *verbs) lists.clause_verbs.push_back(fold(s));
  return lists;
}

}  // namespace doichieu::rules
