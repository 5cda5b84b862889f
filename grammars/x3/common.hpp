// grammars/x3/common.hpp — primitives shared by every grammar family.
//
//   using namespace doichieu::grammars::common;
//   auto const scale = lex.scale_words >> word_end;         // "tỉ" but never the start of "tỉnh"
//   auto const gap   = hspace;                              // spaces, tabs, U+00A0, U+2009, U+202F
//   x3::with<my_tag>(my_lexicon)[grammar]                   // reach data: lexicon_of<my_tag>(ctx)
//
// Why custom parsers: X3's char classes are byte-wise, so "is the next *code point* a letter?" needs a
// UTF-8 decode plus ICU's u_isalnum (Vietnamese letters are mostly 2-3 byte sequences). Both parsers
// only look ahead; they never read past `last` (the sentence limit the facade passes).
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_COMMON_HPP_
#define DOICHIEU_GRAMMARS_X3_COMMON_HPP_

#include <cstddef>
#include <cstdint>
#include <unicode/uchar.h>

#include <boost/spirit/home/x3.hpp>

#include "x3/config.hpp"

namespace doichieu::grammars::common {

namespace x3 = boost::spirit::x3;

// Decodes one UTF-8 code point at [p, last). Returns the code point and sets `len` to its byte length;
// malformed or truncated input yields U+FFFD with len 1 so callers always make progress.
inline std::uint32_t decode_utf8(const char* p, const char* last, std::size_t& len) noexcept {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  std::size_t avail = static_cast<std::size_t>(last - p);
  len = 1;
  if (avail == 0) return 0;
  unsigned char c = byte(0);
  if (c < 0x80) return c;
  std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (need == 0 || need > avail) return 0xFFFD;
  std::uint32_t cp = c & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < need; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  len = need;
  return cp;
}

// Decodes the code point that ends just before `p` (first <= p). Returns 0 at the start.
inline std::uint32_t decode_utf8_before(const char* first, const char* p) noexcept {
  if (p <= first) return 0;
  const char* q = p - 1;
  while (q > first && (static_cast<unsigned char>(*q) & 0xC0) == 0x80 && p - q < 4) --q;
  std::size_t len = 0;
  return decode_utf8(q, p, len);
}

inline bool is_alnum(std::uint32_t cp) noexcept { return cp != 0 && u_isalnum(static_cast<UChar32>(cp)); }
inline bool is_letter(std::uint32_t cp) noexcept { return cp != 0 && u_isalpha(static_cast<UChar32>(cp)); }

// True when the code point at p (if any) is a letter or digit.
inline bool alnum_at(const char* p, const char* last) noexcept {
  if (p >= last) return false;
  std::size_t len = 0;
  return is_alnum(decode_utf8(p, last, len));
}

// Horizontal space: ' ', '\t', U+00A0 NO-BREAK SPACE, U+2009 THIN SPACE, U+202F NARROW NO-BREAK SPACE.
// Returns the byte length of one space at p, 0 when there is none. Newlines are not horizontal space:
// a figure never continues across a line break.
inline std::size_t space_length(const char* p, const char* last) noexcept {
  if (p >= last) return 0;
  if (*p == ' ' || *p == '\t') return 1;
  std::size_t len = 0;
  std::uint32_t cp = decode_utf8(p, last, len);
  return (cp == 0x00A0 || cp == 0x2009 || cp == 0x202F) ? len : 0;
}

// Consumes one or more horizontal spaces; fails on none.
struct hspace_parser : x3::parser<hspace_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It p = first;
    while (std::size_t n = space_length(p, last)) p += n;
    if (p == first) return false;
    first = p;
    return true;
  }
};
inline constexpr hspace_parser hspace{};

// Consumes zero or more horizontal spaces; always succeeds.
struct opt_hspace_parser : x3::parser<opt_hspace_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    while (std::size_t n = space_length(first, last)) first += n;
    return true;
  }
};
inline constexpr opt_hspace_parser opt_hspace{};

// Word boundary: succeeds, consuming nothing, when the next code point is not a letter or digit (or at
// `last`). Put it after every word taken from a table so that "tỉ" never matches inside "tỉnh" and "ha"
// never inside "hai".
struct word_end_parser : x3::parser<word_end_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    return !alnum_at(first, last);
  }
};
inline constexpr word_end_parser word_end{};

// Weaker boundary for symbols glued to digits ("USD1,23", "Rs20"): the next code point is not a letter.
struct letter_end_parser : x3::parser<letter_end_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first >= last) return true;
    std::size_t len = 0;
    return !is_letter(decode_utf8(first, last, len));
  }
};
inline constexpr letter_end_parser letter_end{};

// A family's data reaches its parsers through the context: wrap the grammar in x3::with<Tag>(data) (or
// build the context with x3::make_context<Tag>(data)) and read it back here. No globals: reentrant.
template <class Tag, class Context>
decltype(auto) lexicon_of(Context const& ctx) {
  return x3::get<Tag>(ctx);
}

}  // namespace doichieu::grammars::common

#endif  // DOICHIEU_GRAMMARS_X3_COMMON_HPP_
