// Loads the person family's tables (grammars/lexicon/vi/person*.json) into x3::symbols.
// nlohmann is used without exceptions; every failure names the file and the key.
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <doichieu/text.hpp>

#include "x3/person_lexicon.hpp"

namespace doichieu::grammars {
namespace lexicon_detail {
namespace {

using json = nlohmann::json;

source_location at(const std::string& path) {
  source_location where;
  where.path = path;
  return where;
}

result<json> read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_kind::io, "cannot read lexicon file", at(path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded() || !doc.is_object())
    return make_error(error_kind::bad_lexicon, "not a JSON object", at(path));
  return doc;
}

result<std::vector<std::string>> string_list(const json& doc, const std::string& path, const std::string& key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_array())
    return make_error(error_kind::bad_lexicon, "key \"" + key + "\" must be an array of strings", at(path));
  std::vector<std::string> out;
  for (const auto& item : *it) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty())
      return make_error(error_kind::bad_lexicon, "key \"" + key + "\" holds a non-string or empty entry", at(path));
    out.push_back(item.get<std::string>());
  }
  return out;
}

result<std::map<std::string, std::string>> string_map(const json& doc, const std::string& path,
                                                      const std::string& key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_object())
    return make_error(error_kind::bad_lexicon, "key \"" + key + "\" must be an object of strings", at(path));
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : it->items()) {
    if (!v.is_string() || k.empty())
      return make_error(error_kind::bad_lexicon, "key \"" + key + "\" entry \"" + k + "\" must be a string", at(path));
    out.emplace(k, v.get<std::string>());
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

}  // namespace

// The text pipeline's own folding, so lexicon keys fold exactly as doc.folded does.
std::string fold(std::string_view text) { return doichieu::fold_case(text); }

std::vector<std::string> spellings(std::string_view phrase, const std::map<std::string, std::string>& tone_variants,
                                   const std::map<std::string, std::string>* abbreviations) {
  std::set<std::string> all{fold(phrase)};
  // Old tone placement: each pair may or may not apply, so grow the set once per pair.
  for (const auto& [modern, old] : tone_variants) {
    const std::string from = fold(modern), to = fold(old);
    std::set<std::string> grown = all;
    for (std::string s : all) {
      replace_all(s, from, to);
      grown.insert(s);
    }
    all = std::move(grown);
  }
  if (abbreviations) {
    std::set<std::string> grown = all;
    for (const auto& [abbr, expansion] : *abbreviations) {
      const std::string from = fold(expansion), to = fold(abbr);
      for (std::string s : all) {
        if (s.find(from) == std::string::npos) continue;
        replace_all(s, from, to);
        grown.insert(s);
      }
    }
    all = std::move(grown);
  }
  return {all.begin(), all.end()};
}

result<std::vector<std::string>> load_string_list(const std::string& dir, const std::string& file,
                                                 const std::string& key) {
  const std::string path = dir + "/" + file;
  auto doc = read_json(path);
  if (!doc) return doc.error();
  return string_list(*doc, path, key);
}

result<std::map<std::string, std::string>> load_tone_variants(const std::string& dir) {
  const std::string path = dir + "/person_spelling.json";
  auto doc = read_json(path);
  if (!doc) return doc.error();
  return string_map(*doc, path, "tone_variants");
}

namespace {
// Adds every spelling of every phrase to `table` (and to `keys` when given).
void fill(phrase_table& table, const std::vector<std::string>& phrases,
          const std::map<std::string, std::string>& tones, const std::map<std::string, std::string>* abbreviations,
          std::vector<std::string>* keys) {
  for (const auto& phrase : phrases)
    for (const auto& s : spellings(phrase, tones, abbreviations)) {
      if (!table.find(s)) table.add(s, 0);
      if (keys) keys->push_back(s);
    }
}
}  // namespace

result<org_tables> load_org_tables(const std::string& dir) {
  const std::string spelling_path = dir + "/person_spelling.json";
  auto spelling = read_json(spelling_path);
  if (!spelling) return spelling.error();
  auto tones = string_map(*spelling, spelling_path, "tone_variants");
  if (!tones) return tones.error();
  auto abbreviations = string_map(*spelling, spelling_path, "abbreviations");
  if (!abbreviations) return abbreviations.error();

  const std::string org_path = dir + "/person_organisations.json";
  auto orgs_doc = read_json(org_path);
  if (!orgs_doc) return orgs_doc.error();
  auto organisations = string_list(*orgs_doc, org_path, "organisations");
  if (!organisations) return organisations.error();
  auto prefixes = string_list(*orgs_doc, org_path, "place_prefixes");
  if (!prefixes) return prefixes.error();
  auto places = string_list(*orgs_doc, org_path, "places");
  if (!places) return places.error();
  auto surnames = load_string_list(dir, "person_surnames.json", "surnames");
  if (!surnames) return surnames.error();

  org_tables t;
  t.abbreviations = *abbreviations;
  fill(t.organisations, *organisations, *tones, &*abbreviations, &t.organisation_keys);
  fill(t.place_prefixes, *prefixes, *tones, nullptr, nullptr);
  fill(t.places, *places, *tones, nullptr, nullptr);
  fill(t.surnames, *surnames, *tones, nullptr, nullptr);
  return t;
}

}  // namespace lexicon_detail

result<std::shared_ptr<const person_lexicon>> load_person_lexicon(const std::string& dir) {
  using namespace lexicon_detail;
  auto orgs = load_org_tables(dir);
  if (!orgs) return orgs.error();
  auto tones = load_tone_variants(dir);
  if (!tones) return tones.error();
  auto lex = std::make_shared<person_lexicon>();
  lex->orgs = std::move(*orgs);
  const std::string file = "person.json";
  struct table_spec {
    const char* key;
    phrase_table* table;
    std::vector<std::string>* keys;
    bool abbreviate;
  };
  const table_spec specs[] = {
      {"honorifics", std::addressof(lex->honorifics), &lex->honorific_keys, false},
      {"ranks", std::addressof(lex->ranks), &lex->rank_keys, false},
      {"positions", std::addressof(lex->positions), &lex->position_keys, true},
      {"name_stop_words", std::addressof(lex->name_stop_words), nullptr, false},
  };
  for (const auto& spec : specs) {
    auto list = load_string_list(dir, file, spec.key);
    if (!list) return list.error();
    fill(*spec.table, *list, *tones, spec.abbreviate ? &lex->orgs.abbreviations : nullptr, spec.keys);
  }
  auto surnames = load_string_list(dir, "person_surnames.json", "surnames");
  if (!surnames) return surnames.error();
  for (const auto& s : *surnames)
    for (const auto& k : spellings(s, *tones, nullptr)) lex->surname_keys.push_back(k);
  return std::shared_ptr<const person_lexicon>(std::move(lex));
}

}  // namespace doichieu::grammars
