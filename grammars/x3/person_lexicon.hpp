// grammars/x3/person_lexicon.hpp — the person family's tables (private: X3 appears here).
//
// Built once by load_person_lexicon() from grammars/lexicon/vi/person*.json and immutable afterwards.
// Every key is stored case-folded (the grammars match doc.folded) in each spelling the data allows:
// modern and old tone placement ("ủy"/"uỷ"), and organisations also in their abbreviated forms
// ("ủy ban nhân dân" -> "ubnd"). The docref family shares the organisation tables (issuers).
#ifndef DOICHIEU_GRAMMARS_X3_PERSON_LEXICON_HPP_
#define DOICHIEU_GRAMMARS_X3_PERSON_LEXICON_HPP_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include <doichieu/grammars/grammars.hpp>

namespace doichieu::grammars {

namespace x3 = boost::spirit::x3;

// Longest-match table of folded phrases; the value is unused (presence is what matters).
using phrase_table = x3::symbols<int>;

// Organisations and places: shared by titles ("Bí thư Tỉnh ủy Quảng Ninh") and issuers ("của Bộ Chính trị").
struct org_tables {
  phrase_table organisations;
  phrase_table place_prefixes;  // "tỉnh", "thành phố", "tp" ...
  phrase_table places;          // provinces and cities
  phrase_table surnames;
  std::map<std::string, std::string> abbreviations;  // as written ("UBND") -> expansion ("Ủy ban nhân dân")
  std::vector<std::string> organisation_keys;        // folded, every spelling (for triggers and tests)
};

struct person_lexicon {
  org_tables orgs;
  phrase_table honorifics;
  phrase_table ranks;
  phrase_table positions;
  phrase_table name_stop_words;  // capitalised words that are never part of a personal name
  // Folded keys in every spelling, kept for the RE2 triggers.
  std::vector<std::string> honorific_keys, rank_keys, position_keys, surname_keys;
};

// Shared loading helpers (grammars/src/person_lexicon.cpp).
namespace lexicon_detail {
// ICU simple case folding, code point by code point: the same transformation as document::folded.
std::string fold(std::string_view text);
// Every spelling of `phrase` given the tone-variant pairs (modern -> old) and, when `abbreviations` is
// not null, the abbreviated forms of the expansions it contains. Results are folded and deduplicated.
std::vector<std::string> spellings(std::string_view phrase, const std::map<std::string, std::string>& tone_variants,
                                   const std::map<std::string, std::string>* abbreviations);
// Loads person_organisations.json, person_surnames.json and person_spelling.json from `dir`.
result<org_tables> load_org_tables(const std::string& dir);
result<std::map<std::string, std::string>> load_tone_variants(const std::string& dir);
// Reads `dir/file` as JSON (comments allowed) and returns the array of strings under `key`.
// Errors: io / bad_lexicon naming the file and the key.
result<std::vector<std::string>> load_string_list(const std::string& dir, const std::string& file,
                                                 const std::string& key);
}  // namespace lexicon_detail

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_X3_PERSON_LEXICON_HPP_
