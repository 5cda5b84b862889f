// grammars/x3/person_primitives.hpp — X3 primitives shared by the person and docref grammars.
//
// Both grammars run over doc.folded with `const char*` iterators and reach their tables and the
// document (for capital letters, which only doc.nfc keeps) through one context entry, env_tag.
// Nothing here is mutable: parsing is reentrant.
#ifndef DOICHIEU_GRAMMARS_X3_PERSON_PRIMITIVES_HPP_
#define DOICHIEU_GRAMMARS_X3_PERSON_PRIMITIVES_HPP_

#include <cstdint>
#include <memory>

#include <boost/spirit/home/x3.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <doichieu/document.hpp>

#include "x3/docref_lexicon.hpp"
#include "x3/person_lexicon.hpp"

namespace doichieu::grammars::names {

namespace x3 = boost::spirit::x3;
using iterator_type = const char*;

// What the parsers reach through the context. `docref` is null while parsing persons and vice versa.
struct env {
  const document* doc = nullptr;
  const org_tables* orgs = nullptr;
  const person_lexicon* person = nullptr;
  const docref_lexicon* docref = nullptr;
};
struct env_tag;
using context_type = x3::context<env_tag, const env*, x3::unused_type>;

inline const env& get_env(const auto& ctx) { return *x3::get<env_tag>(ctx); }

// A consumed stretch of doc.folded; converted to nfc offsets by the facades.
struct piece {
  const char* begin = nullptr;
  const char* end = nullptr;
};

// Decodes the code point at `it` (U+FFFD on malformed input, which make_document has already rejected).
inline UChar32 peek_cp(const char* it, const char* last, int* length = nullptr) {
  if (it >= last) return -1;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(last - it);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(it), i, n, c);
  if (length) *length = i;
  return c < 0 ? 0xFFFD : c;
}

// True when no letter or digit follows: "tỉ" must not match inside "tỉnh", "bà" not inside "bàn".
inline bool at_word_end(const char* it, const char* last) {
  if (it >= last) return true;
  return !u_isalnum(peek_cp(it, last));
}

inline bool is_hspace(UChar32 c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2009 || c == 0x202F; }

// One or more horizontal spaces (never a line break: names and titles do not span lines).
struct hspace_parser : x3::parser<hspace_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx&, RCtx&, Attr&) const {
    It it = first;
    int len = 0;
    while (it < last && is_hspace(peek_cp(it, last, &len))) it += len;
    if (it == first) return false;
    first = it;
    return true;
  }
};
inline constexpr hspace_parser hs{};
inline const auto ows = -hs;

// A dash between a name and its titles: "-", "–" or "—", with optional spaces around.
inline const auto dash = ows >> (x3::lit("-") | x3::lit("\xE2\x80\x93") | x3::lit("\xE2\x80\x94")) >> ows;

enum class table_id {
  organisations, place_prefixes, places, surnames,
  honorifics, ranks, positions, name_stop_words,
  doctypes, marker_doctypes, number_markers, date_markers, issuer_markers, month_words, year_words,
  congress_words, ordinal_words,
};

inline const phrase_table* table_of(const env& e, table_id id) {
  switch (id) {
    case table_id::organisations: return std::addressof(e.orgs->organisations);
    case table_id::place_prefixes: return std::addressof(e.orgs->place_prefixes);
    case table_id::places: return std::addressof(e.orgs->places);
    case table_id::surnames: return std::addressof(e.orgs->surnames);
    case table_id::honorifics: return e.person ? std::addressof(e.person->honorifics) : nullptr;
    case table_id::ranks: return e.person ? std::addressof(e.person->ranks) : nullptr;
    case table_id::positions: return e.person ? std::addressof(e.person->positions) : nullptr;
    case table_id::name_stop_words: return e.person ? std::addressof(e.person->name_stop_words) : nullptr;
    case table_id::doctypes: return e.docref ? std::addressof(e.docref->doctypes) : nullptr;
    case table_id::marker_doctypes: return e.docref ? std::addressof(e.docref->marker_doctypes) : nullptr;
    case table_id::number_markers: return e.docref ? std::addressof(e.docref->number_markers) : nullptr;
    case table_id::date_markers: return e.docref ? std::addressof(e.docref->date_markers) : nullptr;
    case table_id::issuer_markers: return e.docref ? std::addressof(e.docref->issuer_markers) : nullptr;
    case table_id::month_words: return e.docref ? std::addressof(e.docref->month_words) : nullptr;
    case table_id::year_words: return e.docref ? std::addressof(e.docref->year_words) : nullptr;
    case table_id::congress_words: return e.docref ? std::addressof(e.docref->congress_words) : nullptr;
    case table_id::ordinal_words: return e.docref ? std::addressof(e.docref->ordinal_words) : nullptr;
  }
  return nullptr;
}

// The longest phrase of a lexicon table, ending at a word end. When the longest phrase is followed by
// letters ("bộ công an" in "bộ công anh") shorter phrases are tried, so "tỉnh ủy" still matches in
// "tỉnh ủy viên" only if "tỉnh ủy" is whole.
template <table_id Id>
struct table_parser : x3::parser<table_parser<Id>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx& ctx, RCtx&, Attr&) const {
    const phrase_table* table = table_of(get_env(ctx), Id);
    if (!table) return false;
    // Try ever shorter prefixes: the symbol table only gives the longest match.
    for (It stop = last; stop > first;) {
      It it = first;
      x3::unused_type unused;
      if (!table->parse(it, stop, x3::unused, unused, unused)) return false;
      if (at_word_end(it, last)) {
        first = it;
        return true;
      }
      stop = it - 1;  // forbid this match length and retry with a shorter one
    }
    return false;
  }
};
template <table_id Id>
inline constexpr table_parser<Id> table{};

// A capitalised word: letters only, first letter upper case in doc.nfc, not written all in capitals
// when longer than one letter ("ANTT", "UBND" are not names).
struct cap_word_parser : x3::parser<cap_word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx& ctx, RCtx&, Attr&) const {
    const document& doc = *get_env(ctx).doc;
    const char* nfc = doc.nfc.data() + (first - doc.folded.data());
    const char* nfc_last = doc.nfc.data() + doc.nfc.size();
    It it = first;
    int letters = 0, uppers = 0;
    bool first_upper = false;
    while (it < last) {
      int len = 0;
      UChar32 c = peek_cp(it, last, &len);
      if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK) break;
      UChar32 original = peek_cp(nfc + (it - first), nfc_last);
      const bool upper = u_isupper(original) || u_istitle(original);
      if (letters == 0) first_upper = upper;
      if (u_isalpha(c)) {
        ++letters;
        if (upper) ++uppers;
      }
      it += len;
    }
    if (letters == 0 || !first_upper || (letters > 1 && uppers == letters)) return false;
    if (!at_word_end(it, last)) return false;  // "Lâm2" is a code, not a name
    first = it;
    return true;
  }
};
inline constexpr cap_word_parser cap_word{};

// piece[p]: runs p and yields the stretch it consumed.
template <class Subject>
struct piece_directive : x3::unary_parser<Subject, piece_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, piece_directive<Subject>>;
  using attribute_type = piece;
  static bool const has_attribute = true;
  constexpr piece_directive(const Subject& subject) : base_type(subject) {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
    It start = first;
    if (!this->subject.parse(first, last, ctx, rctx, x3::unused)) return false;
    x3::traits::move_to(piece{start, first}, attr);
    return true;
  }
};
struct piece_gen {
  template <class Subject>
  constexpr piece_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr piece_gen as_piece{};

}  // namespace doichieu::grammars::names

#endif  // DOICHIEU_GRAMMARS_X3_PERSON_PRIMITIVES_HPP_
