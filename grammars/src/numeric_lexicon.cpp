// Loads grammars/lexicon/vi/numeric*.json into the numeric family's x3::symbols tables.
//
// Files are read in name order; a later file adds keys to (or overrides keys of) an earlier one, so a
// variant can extend the base tables. JSON may carry // comments. Every error names the file and the key.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <doichieu/text.hpp>

#include "x3/numeric_lexicon.hpp"

namespace doichieu::grammars {
namespace {

using json = nlohmann::json;

std::optional<qualifier> qualifier_from(std::string_view name) {
  if (name == "exact") return qualifier::exact;
  if (name == "about") return qualifier::about;
  if (name == "over") return qualifier::over;
  if (name == "under") return qualifier::under;
  if (name == "at-least") return qualifier::at_least;
  if (name == "at-most") return qualifier::at_most;
  return std::nullopt;
}

class loader {
 public:
  loader(numeric_lexicon& lex, std::string path, const json& doc) : lex_(lex), path_(std::move(path)), doc_(doc) {}

  error bad(const std::string& key, const std::string& why) const {
    return make_error(error_kind::bad_lexicon, "key \"" + key + "\": " + why, source_location{path_, {}, 0, 0});
  }

  // A list of phrases; the value stored is 0 (presence is what matters).
  status list(const char* key, numeric_lexicon::table<int>& t, bool starts = false) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_array()) return bad(key, "expected an array of strings");
    for (const auto& e : v) {
      if (!e.is_string()) return bad(key, "expected an array of strings");
      add(t, fold_case(e.get<std::string>()), 0, starts);
    }
    return ok;
  }

  status int_map(const char* key, numeric_lexicon::table<int>& t, bool starts = false) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_object()) return bad(key, "expected an object of integers");
    for (const auto& [k, e] : v.items()) {
      if (!e.is_number_integer()) return bad(std::string(key) + "." + k, "expected an integer");
      add(t, fold_case(k), e.get<int>(), starts);
    }
    return ok;
  }

  status string_map(const char* key, numeric_lexicon::table<std::string>& t, bool starts = false) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_object()) return bad(key, "expected an object of strings");
    for (const auto& [k, e] : v.items()) {
      if (!e.is_string()) return bad(std::string(key) + "." + k, "expected a string");
      add(t, fold_case(k), e.get<std::string>(), starts);
    }
    return ok;
  }

  status qualifier_map(const char* key, numeric_lexicon::table<qualifier>& t, bool starts = false) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_object()) return bad(key, "expected an object of qualifiers");
    for (const auto& [k, e] : v.items()) {
      auto q = e.is_string() ? qualifier_from(e.get<std::string>()) : std::nullopt;
      if (!q) return bad(std::string(key) + "." + k, "expected one of exact, about, over, under, at-least, at-most");
      add(t, fold_case(k), *q, starts);
    }
    return ok;
  }

  // Counted nouns: the value is the folded noun itself.
  status noun_list(const char* key, numeric_lexicon::table<std::string>& t) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_array()) return bad(key, "expected an array of strings");
    for (const auto& e : v) {
      if (!e.is_string()) return bad(key, "expected an array of strings");
      std::string k = fold_case(e.get<std::string>());
      add(t, k, k, false);
    }
    return ok;
  }

  status suffixes(const char* key, std::map<std::string, int>& into) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_object()) return bad(key, "expected an object of integers");
    for (const auto& [k, e] : v.items()) {
      if (!e.is_number_integer()) return bad(std::string(key) + "." + k, "expected an integer");
      into[k] = e.get<int>();  // case-sensitive on purpose: matched against doc.nfc
    }
    return ok;
  }

  status code_set(const char* key) {
    if (!doc_.contains(key)) return ok;
    const json& v = doc_.at(key);
    if (!v.is_array()) return bad(key, "expected an array of strings");
    for (const auto& e : v) {
      if (!e.is_string()) return bad(key, "expected an array of strings");
      lex_.currencies_with_cents.insert(e.get<std::string>());
    }
    return ok;
  }

  status unknown_keys() const {
    static const char* const known[] = {
        "digit_words", "tens_unit_words", "ten_words", "tens_markers", "hundred_words", "odd_words",
        "scale_words", "suffix_scales", "suffix_min_digits", "decimal_point_words", "negative_words", "currencies_after",
        "currencies_before", "currencies_with_cents", "cent_words", "units", "duration_units", "percent_words",
        "ratio_before", "ratio_after", "ratio_words", "hedges_before", "hedges_after", "plural_scale_words",
        "interval_open", "interval_to", "interval_and", "counted_nouns", "ordinal_prefix", "ordinal_words",
        "ordinal_standalone", "roman_contexts", "road_prefixes", "name_prefixes", "code_words"};
    for (const auto& item : doc_.items()) {
      // A named reference, not a structured binding: clang 14 (the fuzz build) cannot capture bindings.
      const std::string& k = item.key();
      if (std::find_if(std::begin(known), std::end(known), [&](const char* n) { return k == n; }) ==
          std::end(known)) {
        std::string all;
        for (const char* n : known) all += std::string(all.empty() ? "" : ", ") + n;
        return bad(k, "unknown key; allowed keys: " + all);
      }
    }
    return ok;
  }

 private:
  template <class T>
  void add(numeric_lexicon::table<T>& t, const std::string& key, T value, bool starts) {
    if (key.empty()) return;
    if (auto* existing = t.find(key)) {
      *existing = std::move(value);
    } else {
      t.add(key, std::move(value));
    }
    if (starts) lex_.start_keys.push_back(key);
  }

  numeric_lexicon& lex_;
  std::string path_;
  const json& doc_;
};

status load_file(numeric_lexicon& lex, const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_kind::io, "cannot read numeric lexicon", source_location{path.string(), {}, 0, 0});
  std::stringstream buf;
  buf << in.rdbuf();
  json doc = json::parse(buf.str(), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object())
    return make_error(error_kind::bad_lexicon, "not a JSON object (comments allowed)",
                      source_location{path.string(), {}, 0, 0});
  loader l(lex, path.string(), doc);
  // `true` marks tables whose spellings can start a numeric expression (they feed the triggers).
  status steps[] = {
      l.unknown_keys(),
      l.int_map("digit_words", lex.digit_words, true),
      l.int_map("tens_unit_words", lex.tens_unit_words),
      l.list("ten_words", lex.ten_words, true),
      l.list("tens_markers", lex.tens_markers),
      l.list("hundred_words", lex.hundred_words, true),
      l.list("odd_words", lex.odd_words),
      l.int_map("scale_words", lex.scale_words),
      l.suffixes("suffix_scales", lex.suffix_scales), l.suffixes("suffix_min_digits", lex.suffix_min_digits),
      l.list("decimal_point_words", lex.decimal_point_words),
      l.list("negative_words", lex.negative_words, true),
      l.string_map("currencies_after", lex.currencies_after),
      l.string_map("currencies_before", lex.currencies_before, true),
      l.code_set("currencies_with_cents"),
      l.list("cent_words", lex.cent_words),
      l.string_map("units", lex.units),
      l.string_map("duration_units", lex.duration_units),
      l.int_map("percent_words", lex.percent_words),
      l.list("ratio_before", lex.ratio_before, true),
      l.list("ratio_after", lex.ratio_after),
      l.int_map("ratio_words", lex.ratio_words),
      l.qualifier_map("hedges_before", lex.hedges_before, true),
      l.qualifier_map("hedges_after", lex.hedges_after),
      l.qualifier_map("plural_scale_words", lex.plural_scale_words, true),
      l.list("interval_open", lex.interval_open, true),
      l.list("interval_to", lex.interval_to),
      l.list("interval_and", lex.interval_and),
      l.noun_list("counted_nouns", lex.counted_nouns),
      l.list("ordinal_prefix", lex.ordinal_prefix, true),
      l.int_map("ordinal_words", lex.ordinal_words),
      l.int_map("ordinal_standalone", lex.ordinal_standalone, true),
      l.list("roman_contexts", lex.roman_contexts, true),
      l.list("road_prefixes", lex.road_prefixes, true),
      l.list("name_prefixes", lex.name_prefixes, true),
      l.list("code_words", lex.code_words, true),
  };
  for (auto& s : steps)
    if (!s) return s.error();
  return ok;
}

}  // namespace

result<std::shared_ptr<const numeric_lexicon>> load_numeric_lexicon(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_regular_file() && name.rfind("numeric", 0) == 0 && it->path().extension() == ".json")
      files.push_back(it->path());
  }
  if (ec) return make_error(error_kind::io, "cannot list lexicon directory: " + ec.message(), source_location{dir, {}, 0, 0});
  if (files.empty())
    return make_error(error_kind::bad_lexicon, "no numeric*.json lexicon file", source_location{dir, {}, 0, 0});
  std::sort(files.begin(), files.end());
  auto lex = std::make_shared<numeric_lexicon>();
  for (const auto& f : files) {
    try {
      if (auto s = load_file(*lex, f); !s) return s.error();
    } catch (const std::exception& e) {  // nlohmann type errors on unexpected shapes stay inside
      return make_error(error_kind::bad_lexicon, e.what(), source_location{f.string(), {}, 0, 0});
    }
  }
  std::sort(lex->start_keys.begin(), lex->start_keys.end());
  lex->start_keys.erase(std::unique(lex->start_keys.begin(), lex->start_keys.end()), lex->start_keys.end());
  return std::shared_ptr<const numeric_lexicon>(std::move(lex));
}

}  // namespace doichieu::grammars
