// grammars/x3/numeric_lexicon.hpp — the numeric family's tables (private: X3 appears here).
//
// Built once by load_numeric_lexicon() from grammars/lexicon/vi/numeric*.json and immutable afterwards.
// Keys are case-folded at load time (the grammar matches doc.folded), except `suffix_scales`, which is
// matched on doc.nfc because case carries meaning there ("3M" = 3 million, "3m" = 3 metres).
// Every table is an x3::symbols so the grammar takes the longest spelling at a position; the `*_keys`
// vectors keep the same spellings for the RE2 trigger patterns.
#ifndef DOICHIEU_GRAMMARS_X3_NUMERIC_LEXICON_HPP_
#define DOICHIEU_GRAMMARS_X3_NUMERIC_LEXICON_HPP_

#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include <doichieu/fact.hpp>
#include <doichieu/grammars/grammars.hpp>

namespace doichieu::grammars {

struct numeric_lexicon {
  template <class T>
  using table = boost::spirit::x3::symbols<T>;

  table<int> digit_words;       // không..chín -> 0..9
  table<int> tens_unit_words;   // after mươi/mười: mốt, tư, lăm ...
  table<int> ten_words;         // mười
  table<int> tens_markers;      // mươi, chục
  table<int> hundred_words;     // trăm
  table<int> odd_words;         // linh, lẻ
  table<int> scale_words;       // nghìn/ngàn 3, triệu 6, tỷ/tỉ 9 (power of ten)
  std::map<std::string, int> suffix_scales;  // NFC, case-sensitive: k/K 3, M 6, G 9
  std::map<std::string, int> suffix_min_digits;  // "G": 2 — "3G", "8G" are names (networks, classes)
  table<int> decimal_point_words;            // chấm, phẩy
  table<int> negative_words;                 // âm
  table<std::string> currencies_after;       // đồng -> VND, đô la -> $
  table<std::string> currencies_before;      // $ -> $, usd -> USD
  std::set<std::string> currencies_with_cents;  // currency codes that take a hundredth part
  table<int> cent_words;                     // xu, xen
  table<std::string> units;                  // m2, ha, tấn ...
  table<std::string> duration_units;         // năm -> year ...
  table<int> percent_words;                  // % 0, điểm phần trăm 1
  table<int> ratio_before;                   // gấp
  table<int> ratio_after;                    // lần
  table<int> ratio_words;                    // đôi 20, rưỡi 15 (tenths)
  table<qualifier> hedges_before;
  table<qualifier> hedges_after;
  table<qualifier> plural_scale_words;       // hàng (+ trăm/nghìn/triệu)
  table<int> interval_open;                  // từ, giữa
  table<int> interval_to;                    // đến, tới, -
  table<int> interval_and;                   // và
  table<std::string> counted_nouns;          // value = the folded noun
  table<int> ordinal_prefix;                 // thứ
  table<int> ordinal_words;                  // nhất 1, nhì 2 ...
  table<int> ordinal_standalone;             // đầu tiên 1
  table<int> roman_contexts;                 // đại hội, khóa, lần thứ
  table<int> road_prefixes;                  // ql, quốc lộ
  table<int> name_prefixes;                  // trụ sở, phòng ...
  table<int> code_words;                     // covid ...

  // Folded spellings of every word that can start a numeric expression (for the triggers).
  std::vector<std::string> start_keys;
};

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_X3_NUMERIC_LEXICON_HPP_
