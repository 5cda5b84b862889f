// Loads grammars/lexicon/vi/temporal*.json into the temporal family's x3::symbols tables.
//
// Files are read in name order; a later file adds to (or overrides keys of) an earlier one, so a variant
// can extend the base tables. JSON may carry // comments. Every error names the file and the key.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <doichieu/text.hpp>

#include <doichieu/grammars/grammars.hpp>

#include "x3/temporal_lexicon.hpp"

namespace doichieu::grammars {
namespace {

using json = nlohmann::json;

std::string first_word(const std::string& s) {
  auto sp = s.find(' ');
  return sp == std::string::npos ? s : s.substr(0, sp);
}

std::optional<int> grain_from(std::string_view name) {
  static constexpr std::pair<std::string_view, grain> names[] = {
      {"second", grain::second}, {"minute", grain::minute}, {"hour", grain::hour},       {"day", grain::day},
      {"week", grain::week},     {"month", grain::month},   {"quarter", grain::quarter}, {"year", grain::year}};
  for (const auto& [n, g] : names)
    if (n == name) return static_cast<int>(g);
  return std::nullopt;
}

class loader {
 public:
  loader(temporal_lexicon& lex, std::string path) : lex_(lex), path_(std::move(path)) {}

  error bad(const std::string& key, const std::string& why) const {
    return make_error(error_kind::bad_lexicon, "key \"" + key + "\": " + why, source_location{path_, {}, 0, 0});
  }

  // {"word": int, ...}
  std::optional<error> int_map(const json& doc, const char* key, temporal_lexicon::table& t, bool opens) {
    if (!doc.contains(key)) return std::nullopt;
    const json& m = doc[key];
    if (!m.is_object()) return bad(key, "expected an object of word -> integer");
    for (const auto& [word, v] : m.items()) {
      if (!v.is_number_integer()) return bad(std::string(key) + "." + word, "expected an integer");
      add(t, word, v.get<int>(), opens);
    }
    return std::nullopt;
  }

  // ["word", ...]
  std::optional<error> word_list(const json& doc, const char* key, temporal_lexicon::table& t, bool opens) {
    if (!doc.contains(key)) return std::nullopt;
    const json& a = doc[key];
    if (!a.is_array()) return bad(key, "expected an array of words");
    for (const auto& w : a) {
      if (!w.is_string()) return bad(key, "every entry must be a string");
      add(t, w.get<std::string>(), 0, opens);
    }
    return std::nullopt;
  }

  std::optional<error> word_set(const json& doc, const char* key, std::set<std::string>& s) {
    if (!doc.contains(key)) return std::nullopt;
    const json& a = doc[key];
    if (!a.is_array()) return bad(key, "expected an array of words");
    for (const auto& w : a) {
      if (!w.is_string()) return bad(key, "every entry must be a string");
      s.insert(fold_case(w.get<std::string>()));
    }
    return std::nullopt;
  }

  // [{"words": [...], <int fields>...}, ...] -> index table; `read` fills the entry.
  template <class Entry, class Read>
  std::optional<error> entries(const json& doc, const char* key, temporal_lexicon::table& t,
                               std::vector<Entry>& out, bool opens, Read read) {
    if (!doc.contains(key)) return std::nullopt;
    const json& a = doc[key];
    if (!a.is_array()) return bad(key, "expected an array of objects with \"words\"");
    for (std::size_t i = 0; i < a.size(); ++i) {
      const json& e = a[i];
      const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
      if (!e.is_object() || !e.contains("words") || !e["words"].is_array())
        return bad(where, "expected an object with a \"words\" array");
      Entry entry;
      if (auto err = read(e, where, entry)) return err;
      const int index = static_cast<int>(out.size());
      out.push_back(entry);
      for (const auto& w : e["words"]) {
        if (!w.is_string()) return bad(where + ".words", "every entry must be a string");
        add(t, w.get<std::string>(), index, opens);
      }
    }
    return std::nullopt;
  }

  std::optional<error> int_field(const json& e, const std::string& where, const char* name, int lo, int hi,
                                 int& out) {
    if (!e.contains(name) || !e[name].is_number_integer())
      return bad(where + "." + name, "expected an integer");
    out = e[name].get<int>();
    if (out < lo || out > hi)
      return bad(where + "." + name, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return std::nullopt;
  }

  // "MM-DD"
  std::optional<error> month_day(const json& e, const std::string& where, const char* name, int& m, int& d) {
    if (!e.contains(name) || !e[name].is_string()) return bad(where + "." + name, "expected \"MM-DD\"");
    const std::string s = e[name].get<std::string>();
    if (s.size() != 5 || s[2] != '-') return bad(where + "." + name, "expected \"MM-DD\", got \"" + s + "\"");
    try {
      m = std::stoi(s.substr(0, 2));
      d = std::stoi(s.substr(3, 2));
    } catch (const std::exception&) {
      return bad(where + "." + name, "expected \"MM-DD\", got \"" + s + "\"");
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) return bad(where + "." + name, "no such day: \"" + s + "\"");
    return std::nullopt;
  }

  std::optional<error> load(const json& doc) {
    using L = temporal_lexicon;
    struct int_table {
      const char* key;
      L::table L::*t;
      bool opens;
    };
    static constexpr int_table ints[] = {
        {"numbers", &L::numbers, true},           {"month_words", &L::month_words, false},
        {"quarter_words", &L::quarter_words, false}, {"weekdays", &L::weekdays, true},
        {"relative_days", &L::relative_days, true},   {"short_relative_days", &L::short_relative_days, false},
        {"shift_words", &L::shift_words, false},      {"span_directions", &L::span_directions, false},
        {"weekday_directions", &L::weekday_directions, false}, {"lunar_month_words", &L::lunar_month_words, false},
        {"can_words", &L::can_words, false},           {"chi_words", &L::chi_words, false},
        {"meridiem_words", &L::meridiem_words, false}, {"time_zones", &L::time_zones, false}};
    for (const auto& it : ints)
      if (auto err = int_map(doc, it.key, lex_.*(it.t), it.opens)) return err;
    static constexpr int_table lists[] = {
        {"now", &L::now_words, true},           {"week_words", &L::week_words, true},
        {"of_words", &L::of_words, false},      {"first_words", &L::first_words, false},
        {"day_markers", &L::day_markers, true}, {"month_markers", &L::month_markers, true},
        {"year_markers", &L::year_markers, true}, {"quarter_markers", &L::quarter_markers, true},
        {"hour_markers", &L::hour_markers, false}, {"minute_markers", &L::minute_markers, false},
        {"second_markers", &L::second_markers, false}, {"half_words", &L::half_words, false},
        {"minus_words", &L::minus_words, false}, {"clock_leads", &L::clock_leads, true},
        {"range_from", &L::range_from, true},   {"range_to", &L::range_to, false},
        {"period_words", &L::period_words, true}, {"full_moon_words", &L::full_moon_words, true},
        {"tet_words", &L::tet_words, false},    {"lunar_markers", &L::lunar_markers, false},
        {"leap_words", &L::leap_words, false},  {"year_leads", &L::year_leads, true}};
    for (const auto& it : lists)
      if (auto err = word_list(doc, it.key, lex_.*(it.t), it.opens)) return err;

    if (doc.contains("grain_words")) {
      const json& m = doc["grain_words"];
      if (!m.is_object()) return bad("grain_words", "expected an object of word -> grain name");
      for (const auto& [word, v] : m.items()) {
        auto g = v.is_string() ? grain_from(v.get<std::string>()) : std::nullopt;
        if (!g)
          return bad("grain_words." + word,
                     "expected one of second, minute, hour, day, week, month, quarter, year");
        add(lex_.grain_words, word, *g, true);
      }
    }
    if (auto err = word_set(doc, "weekday_preceders", lex_.weekday_preceders)) return err;
    if (auto err = word_set(doc, "date_followers", lex_.date_followers)) return err;
    if (auto err = word_set(doc, "plural_markers", lex_.plural_markers)) return err;

    if (auto err = entries(doc, "parts_of_day", lex_.parts_table, lex_.parts, true,
                           [&](const json& e, const std::string& where, L::part_of_day& p) -> std::optional<error> {
                             if (auto err = int_field(e, where, "from", 0, 24, p.from)) return err;
                             if (auto err = int_field(e, where, "to", 0, 24, p.to)) return err;
                             if (!e.contains("pm_hours") || !e["pm_hours"].is_array() ||
                                 (e["pm_hours"].size() != 0 && e["pm_hours"].size() != 2))
                               return bad(where + ".pm_hours", "expected [] or [low, high]");
                             if (e["pm_hours"].size() == 2) {
                               if (!e["pm_hours"][0].is_number_integer() || !e["pm_hours"][1].is_number_integer())
                                 return bad(where + ".pm_hours", "expected two integers");
                               p.pm_low = e["pm_hours"][0].get<int>();
                               p.pm_high = e["pm_hours"][1].get<int>();
                             }
                             return std::nullopt;
                           }))
      return err;
    if (auto err = entries(doc, "standalone_periods", lex_.standalone_table, lex_.standalone, true,
                           [&](const json& e, const std::string& where, L::hour_period& p) -> std::optional<error> {
                             if (auto err = int_field(e, where, "from", 0, 24, p.from)) return err;
                             return int_field(e, where, "to", 0, 24, p.to);
                           }))
      return err;
    if (auto err = entries(doc, "seasons", lex_.seasons_table, lex_.seasons, true,
                           [&](const json& e, const std::string& where, L::season& s) -> std::optional<error> {
                             if (auto err = month_day(e, where, "from", s.from_month, s.from_day)) return err;
                             return month_day(e, where, "to", s.to_month, s.to_day);
                           }))
      return err;
    if (auto err = entries(doc, "holidays", lex_.holidays_table, lex_.holidays, true,
                           [&](const json& e, const std::string& where, L::holiday& h) -> std::optional<error> {
                             if (auto err = int_field(e, where, "month", 1, 12, h.month)) return err;
                             if (e.contains("calendar")) {
                               if (!e["calendar"].is_string() || (e["calendar"] != "lunar" && e["calendar"] != "gregorian"))
                                 return bad(where + ".calendar", "expected \"lunar\" or \"gregorian\"");
                               h.lunar = e["calendar"] == "lunar";
                             }
                             return int_field(e, where, "day", 1, h.lunar ? 30 : 31, h.day);
                           }))
      return err;
    return std::nullopt;
  }

 private:
  void add(temporal_lexicon::table& t, const std::string& word, int value, bool opens) {
    const std::string key = fold_case(word);
    if (key.empty()) return;
    t.remove(key);
    t.add(key, value);
    if (opens) lex_.openers.insert(first_word(key));
  }

  temporal_lexicon& lex_;
  std::string path_;
};

}  // namespace

result<std::shared_ptr<const temporal_lexicon>> load_temporal_lexicon(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("temporal", 0) == 0 && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) return make_error(error_kind::bad_lexicon, "cannot list the lexicon directory: " + ec.message(),
                            source_location{dir, {}, 0, 0});
  if (files.empty())
    return make_error(error_kind::bad_lexicon, "no temporal*.json file in the lexicon directory",
                      source_location{dir, {}, 0, 0});
  std::sort(files.begin(), files.end());
  auto lex = std::make_shared<temporal_lexicon>();
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in) return make_error(error_kind::bad_lexicon, "cannot read the file", source_location{path.string(), {}, 0, 0});
    json doc = json::parse(buf.str(), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (doc.is_discarded() || !doc.is_object())
      return make_error(error_kind::bad_lexicon, "not a JSON object (syntax error)",
                        source_location{path.string(), {}, 0, 0});
    loader l(*lex, path.string());
    if (auto err = l.load(doc)) return *err;
  }
  return std::shared_ptr<const temporal_lexicon>(std::move(lex));
}

}  // namespace doichieu::grammars
