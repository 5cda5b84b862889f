// grammars/x3/docref_def.hpp — definition of the document-reference grammar (included by docref.cpp only).
#ifndef DOICHIEU_GRAMMARS_X3_DOCREF_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_DOCREF_DEF_HPP_

#include "x3/docref.hpp"
#include "x3/person_titles_def.hpp"

namespace doichieu::grammars::names {

// A document number as written: starts with a digit, then digits, Latin letters, "đ", "-", "/" and ".",
// ("12-NQ/TW", "30/2020/NĐ-CP", "06"); a trailing "." "-" or "/" is punctuation, not part of it.
struct doc_number_parser : x3::parser<doc_number_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx&, RCtx&, Attr&) const {
    if (first == last || *first < '0' || *first > '9') return false;
    It it = first, end_ok = first;
    while (it < last) {
      const unsigned char c = static_cast<unsigned char>(*it);
      if (c >= '0' && c <= '9') {
        ++it;
      } else if ((c >= 'a' && c <= 'z') || c == '-' || c == '/' || c == '.') {
        ++it;
      } else if (c == 0xC4 && it + 1 < last && static_cast<unsigned char>(it[1]) == 0x91) {
        it += 2;  // "đ" (folded "Đ") as in "NĐ-CP", "QĐ/TW"
      } else {
        break;
      }
      const char prev = *(it - 1);
      if (prev != '-' && prev != '/' && prev != '.') end_ok = it;
    }
    if (!at_word_end(end_ok, last)) return false;  // "12-NQ/TW" followed by a letter is not a code
    first = end_ok;
    return true;
  }
};
inline constexpr doc_number_parser doc_number{};

// A Roman numeral written in capitals ("XIII"): congresses and plenums are numbered this way.
struct roman_parser : x3::parser<roman_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx& ctx, RCtx&, Attr&) const {
    const document& doc = *get_env(ctx).doc;
    It it = first;
    while (it < last && std::string_view("ivxlcdm").find(*it) != std::string_view::npos &&
           doc.nfc[static_cast<std::size_t>(it - doc.folded.data())] != *it)
      ++it;
    if (it == first || !at_word_end(it, last)) return false;
    first = it;
    return true;
  }
};
inline constexpr roman_parser roman{};

inline const auto congress_numeral = roman | x3::uint_parser<unsigned, 10, 1, 2>{};

template <int Min, int Max>
inline const x3::uint_parser<int, 10, Min, Max> digits{};

// "16/3/2022", "16-3-2022", "16.3.2022" or "16 tháng 3 năm 2022"; checked for a real calendar day.
inline const auto date_separator = x3::lit('/') | x3::lit('-') | x3::lit('.');
inline const auto numeric_date = digits<1, 2> >> date_separator >> digits<1, 2> >> date_separator >> digits<4, 4>;
inline const auto worded_date = digits<1, 2> >> hs >> table<table_id::month_words> >> hs >> digits<1, 2> >> hs >>
                                table<table_id::year_words> >> hs >> digits<4, 4>;

inline bool valid_dmy(const dmy& d) {
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1900 || d.year > 2100) return false;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return d.day <= (d.month == 2 && !leap ? 28 : days[d.month - 1]);
}
const x3::rule<class issue_date_class, dmy> issue_date = "issue_date";
const auto issue_date_def = numeric_date | worded_date;
BOOST_SPIRIT_DEFINE(issue_date)

// An issue date that exists on the calendar; "35/13/2022" is not taken (a parser rather than a semantic
// action so that the enclosing rules keep their automatic attribute propagation).
struct checked_date_parser : x3::parser<checked_date_parser> {
  using attribute_type = dmy;
  static bool const has_attribute = true;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
    It it = first;
    dmy d;
    if (!issue_date.parse(it, last, ctx, rctx, d) || !valid_dmy(d)) return false;
    first = it;
    x3::traits::move_to(d, attr);
    return true;
  }
};
inline constexpr checked_date_parser checked_date{};

const numbered_docref_type numbered_docref = "numbered_docref";
const congress_docref_type congress_docref = "congress_docref";

const auto numbered_docref_def = as_piece[table<table_id::doctypes>] >> hs >>
                                 x3::matches[table<table_id::number_markers> >> hs] >> as_piece[doc_number] >>
                                 -(hs >> table<table_id::date_markers> >> hs >> checked_date) >>
                                 -(hs >> table<table_id::issuer_markers> >> hs >> as_piece[org_chain]);

const auto congress_docref_def = as_piece[table<table_id::doctypes>] >> hs >>
                                 as_piece[table<table_id::congress_words>] >> -(hs >> as_piece[org_chain]) >>
                                 -(hs >> -(table<table_id::ordinal_words> >> hs) >> as_piece[congress_numeral]) >>
                                 -(hs >> -(table<table_id::issuer_markers> >> hs) >> as_piece[org_chain]);

BOOST_SPIRIT_DEFINE(numbered_docref, congress_docref)

}  // namespace doichieu::grammars::names

#endif  // DOICHIEU_GRAMMARS_X3_DOCREF_DEF_HPP_
