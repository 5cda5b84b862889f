// grammars/x3/docref_lexicon.hpp — the document-reference family's tables (private: X3 appears here).
//
// Built once by load_docref_lexicon() from grammars/lexicon/vi/docref.json plus the shared organisation
// tables (person_organisations.json), immutable afterwards. Keys are case-folded, in every spelling.
#ifndef DOICHIEU_GRAMMARS_X3_DOCREF_LEXICON_HPP_
#define DOICHIEU_GRAMMARS_X3_DOCREF_LEXICON_HPP_

#include <string>
#include <vector>

#include "x3/person_lexicon.hpp"

namespace doichieu::grammars {

struct docref_lexicon {
  org_tables orgs;                  // issuers
  phrase_table doctypes;            // every doctype
  phrase_table marker_doctypes;     // doctypes that are ordinary words: need "số" before the number
  phrase_table number_markers;      // "số"
  phrase_table date_markers;        // "ngày"
  phrase_table issuer_markers;      // "của"
  phrase_table month_words;         // "tháng"
  phrase_table year_words;          // "năm"
  phrase_table congress_words;      // "đại hội"
  phrase_table ordinal_words;       // "lần thứ"
  std::vector<std::string> doctype_keys;  // folded, every spelling (triggers)
};

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_X3_DOCREF_LEXICON_HPP_
