// grammars/x3/numeric.hpp — declaration of the numeric family's X3 grammar (private).
//
// `numeral` reads one number as Vietnamese writes it: digits with dot thousands and decimal comma
// ("1.200.000", "756,2", ",77"), glued k/K/M/G suffixes, word numerals ("hai mươi mốt nghìn không trăm
// mười một"), "chấm"/"phẩy" decimals, signs ("-", "âm") and scale words ("3 tỷ 200 triệu"). Hedges,
// intervals and what follows the number (currency, unit, percent, duration, counted noun) are composed
// around it in numeric.cpp, which also holds the parse_numeric facade.
#ifndef DOICHIEU_GRAMMARS_X3_NUMERIC_HPP_
#define DOICHIEU_GRAMMARS_X3_NUMERIC_HPP_

#include <boost/spirit/home/x3.hpp>

#include <doichieu/decimal.hpp>

#include "x3/config.hpp"
#include "x3/numeric_lexicon.hpp"

namespace doichieu::grammars::numeric_grammar {

namespace x3 = boost::spirit::x3;

// What the grammar sees besides the text: the tables and the NFC text at the same offsets (for the
// case-sensitive "M"/"m" distinction). Reached through the context under numeric_env_tag.
struct numeric_env {
  const numeric_lexicon& lex;
  const char* folded_begin;  // doc.folded.data()
  const char* nfc_begin;     // doc.nfc.data(): same byte offsets as folded
};
struct numeric_env_tag;

// One number, before any unit.
struct numeral_ast {
  decimal value;
  int last_power = 0;       // the last scale word's power of ten (3 for "nghìn"), 0 when none
  bool has_scale = false;   // a scale word or glued suffix was read
  bool words = false;       // written (at least partly) in words
  int word_count = 0;       // words read, for the lone-word policy
  bool is_code = false;     // the digits are a code, a phone number or a document number: no figure
  bool is_fraction = false; // "17/19": value is the numerator, denominator below
  std::int64_t denominator = 1;
};

using numeral_type = x3::rule<class numeral_class, numeral_ast>;
BOOST_SPIRIT_DECLARE(numeral_type)

using context_type = x3_config::context_for<numeric_env_tag, numeric_env>;

numeral_type const& numeral();

}  // namespace doichieu::grammars::numeric_grammar

#endif  // DOICHIEU_GRAMMARS_X3_NUMERIC_HPP_
