// Loads the document-reference tables (grammars/lexicon/vi/docref.json) plus the shared organisation
// tables used for issuers. Errors name the file and the key.
#include <memory>

#include "x3/docref_lexicon.hpp"

namespace doichieu::grammars {

result<std::shared_ptr<const docref_lexicon>> load_docref_lexicon(const std::string& dir) {
  using namespace lexicon_detail;
  auto orgs = load_org_tables(dir);
  if (!orgs) return orgs.error();
  auto tones = load_tone_variants(dir);
  if (!tones) return tones.error();
  auto lex = std::make_shared<docref_lexicon>();
  lex->orgs = std::move(*orgs);
  struct table_spec {
    const char* key;
    phrase_table* table;
    std::vector<std::string>* keys;
  };
  const table_spec specs[] = {
      {"doctypes", std::addressof(lex->doctypes), &lex->doctype_keys},
      {"needs_marker", std::addressof(lex->marker_doctypes), nullptr},
      {"number_markers", std::addressof(lex->number_markers), nullptr},
      {"date_markers", std::addressof(lex->date_markers), nullptr},
      {"issuer_markers", std::addressof(lex->issuer_markers), nullptr},
      {"month_words", std::addressof(lex->month_words), nullptr},
      {"year_words", std::addressof(lex->year_words), nullptr},
      {"congress_words", std::addressof(lex->congress_words), nullptr},
      {"ordinal_words", std::addressof(lex->ordinal_words), nullptr},
  };
  for (const auto& spec : specs) {
    auto list = load_string_list(dir, "docref.json", spec.key);
    if (!list) return list.error();
    for (const auto& phrase : *list)
      for (const auto& s : spellings(phrase, *tones, nullptr)) {
        if (!spec.table->find(s)) spec.table->add(s, 0);
        if (spec.keys) spec.keys->push_back(s);
      }
  }
  return std::shared_ptr<const docref_lexicon>(std::move(lex));
}

}  // namespace doichieu::grammars
