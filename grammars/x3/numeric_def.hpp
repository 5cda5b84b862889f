// grammars/x3/numeric_def.hpp — definition of the numeric family's `numeral` (private).
//
// The numeral is a hand-written X3 primitive parser rather than a composition of X3 operators because
// Vietnamese number notation is decided by look-ahead that operators express badly: "1.200" is 1200 but
// "1.5" is 1.5; "3M" is a scale but "3m" a unit (decided on the NFC text); "0912.345.678" and
// "30/2020/NĐ-CP" are codes that must be consumed without a figure. The word tables (x3::symbols from the
// lexicon) are matched with a word boundary so that "tỉ" never matches inside "tỉnh".
#ifndef DOICHIEU_GRAMMARS_X3_NUMERIC_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_NUMERIC_DEF_HPP_

#include <optional>
#include <string>

#include "x3/common.hpp"
#include "x3/numeric.hpp"

namespace doichieu::grammars::numeric_grammar {

using common::alnum_at;
using common::decode_utf8;
using common::space_length;

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Matches a table entry at p (longest spelling) followed by a word boundary; advances p on success.
// `glued_ok`: the entry may be followed directly by a digit ("USD1,23").
template <class T>
std::optional<T> match_word(const numeric_lexicon::table<T>& table, const char*& p, const char* last,
                            bool glued_ok = false) {
  const char* q = p;
  T value{};
  if (!table.parse(q, last, x3::unused, x3::unused, value)) return std::nullopt;
  // A key ending in a letter or digit must not run into the next word; "$" or "%" may touch anything.
  std::uint32_t before = common::decode_utf8_before(p, q);
  if (common::is_alnum(before) && q < last) {
    std::size_t len = 0;
    std::uint32_t next = decode_utf8(q, last, len);
    if (glued_ok ? common::is_letter(next) : common::is_alnum(next)) return std::nullopt;
  }
  p = q;
  return value;
}

// Skips horizontal space; returns false (p unchanged) when there is none.
inline bool skip_space(const char*& p, const char* last) {
  const char* q = p;
  while (std::size_t n = space_length(q, last)) q += n;
  if (q == p) return false;
  p = q;
  return true;
}

// p advanced past `table` entry preceded by at least one space; p unchanged on failure.
template <class T>
std::optional<T> spaced_word(const numeric_lexicon::table<T>& table, const char*& p, const char* last) {
  const char* q = p;
  if (!skip_space(q, last)) return std::nullopt;
  auto v = match_word(table, q, last);
  if (v) p = q;
  return v;
}

// Consumes a run of letters, digits and code punctuation ("30/2020/nđ-cp", "0243.825.123"): used when a
// digit run turns out to be a code rather than a figure.
inline const char* skip_code(const char* p, const char* last) {
  while (p < last) {
    if (*p == '/' || *p == '-' || *p == '.' || *p == '_') {
      if (p + 1 < last && alnum_at(p + 1, last)) {
        ++p;
        continue;
      }
      break;
    }
    if (!alnum_at(p, last)) break;
    std::size_t len = 0;
    decode_utf8(p, last, len);
    p += len;
  }
  return p;
}

// Width in bytes of a no-break or thin space used between digit groups (U+00A0, U+202F, U+2009), else 0.
inline std::size_t digit_group_space_width(const char* q, const char* last) {
  auto byte = [&](std::size_t i) { return q + i < last ? static_cast<unsigned char>(q[i]) : 0u; };
  if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0xAF || byte(2) == 0x89)) return 3;
  return 0;
}

// True when exactly three ASCII digits start at q and no digit follows them.
inline bool exactly_three_digits_follow(const char* q, const char* last) {
  if (last - q < 3 || !is_digit(q[0]) || !is_digit(q[1]) || !is_digit(q[2])) return false;
  return q + 3 == last || !is_digit(q[3]);
}

// Digits as Vietnamese writes them. Returns false when no digit starts at p.
inline bool parse_digits(const numeric_env& env, const char*& p, const char* last, numeral_ast& out) {
  const char* q = p;
  if (q >= last) return false;
  if (!is_digit(*q) && !(*q == ',' && q + 1 < last && is_digit(q[1]))) return false;
  // The run: digits, plus '.' and ',' only when a digit follows (a final "." ends the sentence).
  std::string run;
  std::size_t group_digits = 0;  // digits since the run start or the last separator
  bool seen_comma = false;
  while (q < last) {
    if (is_digit(*q)) {
      run += *q++;
      ++group_digits;
    } else if ((*q == '.' || *q == ',') && q + 1 < last && is_digit(q[1])) {
      seen_comma = seen_comma || *q == ',';
      run += *q++;
      group_digits = 0;
    } else if (std::size_t width = digit_group_space_width(q, last);
               width > 0 && !seen_comma && group_digits >= 1 && group_digits <= 3 &&
               exactly_three_digits_follow(q + width, last)) {
      // "27 781" with a no-break or thin space between groups is "27.781": same value, other typography.
      run += '.';
      q += width;
      group_digits = 0;
    } else {
      break;
    }
  }
  std::size_t dots = 0, commas = 0;
  for (char c : run) dots += c == '.', commas += c == ',';
  std::string ascii;  // '.' as decimal point, for decimal::parse
  bool valid = true;
  if (commas > 1) {
    valid = false;
  } else {
    std::string int_part = run.substr(0, run.find(','));
    std::string frac = commas ? run.substr(run.find(',') + 1) : std::string();
    if (dots > 0) {
      // Thousands groups: 1-3 digits then groups of exactly three ("27.781", "1.200.000").
      std::size_t first = int_part.find('.');
      // Thousands groups: 1-3 digits, then groups of exactly three ("27.781", "1.200.000").
      bool grouped = first >= 1 && first <= 3;
      for (std::size_t i = first; grouped && i < int_part.size(); i += 4)
        grouped = int_part[i] == '.' && i + 4 <= int_part.size() && int_part.find('.', i + 1) == (i + 4 == int_part.size() ? std::string::npos : i + 4);
      if (grouped) {
        std::string digits;
        for (char c : int_part)
          if (c != '.') digits += c;
        int_part = digits;
      } else if (dots == 1 && commas == 0) {
        // "1.5": an English decimal point; a single dot not followed by three digits cannot be thousands.
        frac = int_part.substr(first + 1);
        int_part = int_part.substr(0, first);
      } else {
        valid = false;
      }
    }
    if (valid) {
      if (int_part.empty()) int_part = "0";
      // A long digit run with a leading zero is a phone number or an identifier, not a figure.
      if (int_part.size() >= 9 && int_part[0] == '0' && frac.empty()) valid = false;
      ascii = int_part + (frac.empty() ? "" : "." + frac);
    }
  }
  auto value = valid ? decimal::parse(ascii) : std::nullopt;
  if (!value) {
    out = numeral_ast{};
    out.is_code = true;
    p = skip_code(q, last);
    return true;
  }
  out.value = *value;
  // "17/19": a fraction of two plain integers; a third part or letters make it a code ("30/2020/NĐ-CP").
  if (q + 1 < last && *q == '/' && is_digit(q[1]) && run.find_first_of(".,") == std::string::npos) {
    const char* d = q + 1;
    std::string den;
    while (d < last && is_digit(*d)) den += *d++;
    bool more = d < last && (*d == '/' || *d == '-' || *d == '.') && d + 1 < last && alnum_at(d + 1, last);
    if (more || alnum_at(d, last) || den.size() > 6) {
      out = numeral_ast{};
      out.is_code = true;
      p = skip_code(q, last);
      return true;
    }
    auto dv = decimal::parse(den);
    if (!dv || dv->mantissa == 0) {
      out.is_code = true;
      p = skip_code(q, last);
      return true;
    }
    out.is_fraction = true;
    out.denominator = dv->mantissa;
    p = d;
    return true;
  }
  // Glued scale suffix, read on the NFC text where case survives: "100K", "3M", ",0012G", "10k".
  if (q < last) {
    std::size_t off = static_cast<std::size_t>(q - env.folded_begin);
    std::string one(env.nfc_begin + off, 1);
    auto it = env.lex.suffix_scales.find(one);
    // A name, not a scaled figure: "3G", "4G/5G" (network generations), "lớp 8G", "7G-tronic": fewer digits
    // than the suffix's minimum ("399k/sét" is still a price).
    if (it != env.lex.suffix_scales.end()) {
      auto min = env.lex.suffix_min_digits.find(one);
      if (min != env.lex.suffix_min_digits.end() && q - p < min->second) {
        out = numeral_ast{};
        out.is_code = true;
        p = skip_code(q, last);
        return true;
      }
    }
    if (it != env.lex.suffix_scales.end() && !alnum_at(q + 1, last)) {
      if (auto scaled = out.value.scaled_by_power_of_ten(it->second)) {
        out.value = *scaled;
        out.has_scale = true;
        out.last_power = it->second;
        ++q;
      }
    }
  }
  p = q;
  return true;
}

// A number below 1000 in words: "trăm", "hai mươi mốt", "mười lăm", "không trăm linh năm".
inline bool parse_word_small(const numeric_env& env, const char*& p, const char* last, std::int64_t& value,
                             int& words, bool& complex) {
  const auto& lex = env.lex;
  const char* q = p;
  std::int64_t v = 0;
  int n = 0;
  complex = false;
  auto below_100 = [&](const char*& r, std::int64_t& out, int& count) -> bool {
    const char* s = r;
    if (match_word(lex.ten_words, s, last)) {
      out = 10;
      ++count;
      if (auto u = spaced_word(lex.tens_unit_words, s, last)) {
        out += *u;
        ++count;
      }
      r = s;
      return true;
    }
    auto d = match_word(lex.digit_words, s, last);
    if (!d) return false;
    out = *d;
    ++count;
    const char* t = s;
    if (spaced_word(lex.tens_markers, t, last) && *d >= 1) {
      out = *d * 10;
      ++count;
      s = t;
      if (auto u = spaced_word(lex.tens_unit_words, s, last)) {
        out += *u;
        ++count;
      }
    }
    r = s;
    return true;
  };
  // Hundreds: "<digit> trăm" or a bare "trăm" (= 100).
  const char* h = q;
  std::int64_t hv = 0;
  int hn = 0;
  bool hundreds = false;
  if (auto d = match_word(lex.digit_words, h, last)) {
    if (spaced_word(lex.hundred_words, h, last)) {
      hv = *d * 100;
      hn = 2;
      hundreds = true;
    }
  } else if (match_word(lex.hundred_words, h, last)) {
    hv = 100;
    hn = 1;
    hundreds = true;
  }
  if (hundreds) {
    q = h;
    v = hv;
    n = hn;
    complex = true;
    // "linh/lẻ <digit>" or a full tens part; a bare digit after trăm is not taken ("hai trăm năm" = 200 years).
    const char* t = q;
    if (spaced_word(lex.odd_words, t, last)) {
      const char* s = t;
      if (skip_space(s, last)) {
        if (auto u = match_word(lex.digit_words, s, last)) {
          v += *u;
          n += 2;
          q = s;
        }
      }
    } else {
      const char* s = q;
      std::int64_t tv = 0;
      int tn = 0;
      if (skip_space(s, last) && below_100(s, tv, tn) && (tn >= 2 || tv >= 10)) {
        v += tv;
        n += tn;
        q = s;
      }
    }
  } else {
    if (!below_100(q, v, n)) return false;
    complex = n >= 2;
  }
  p = q;
  value = v;
  words = n;
  return true;
}

// Digits after "chấm"/"phẩy", as written: "23" -> "23", "ba" -> "3", "không năm" -> "05".
inline bool parse_fraction_digits(const numeric_env& env, const char*& p, const char* last, std::string& digits) {
  const char* q = p;
  digits.clear();
  if (q < last && is_digit(*q)) {
    while (q < last && is_digit(*q)) digits += *q++;
    if (alnum_at(q, last)) return false;
    p = q;
    return true;
  }
  std::int64_t v = 0;
  int w = 0;
  bool complex = false;
  if (!parse_word_small(env, q, last, v, w, complex)) return false;
  digits = std::to_string(v);
  p = q;
  return true;
}

// The whole numeral with sign, decimal words and scale words.
inline bool parse_numeral(const numeric_env& env, const char*& p, const char* last, numeral_ast& out) {
  const auto& lex = env.lex;
  const char* q = p;
  bool negative = false;
  if (q < last && *q == '-') {
    const char* s = q + 1;
    while (std::size_t n = space_length(s, last)) s += n;
    if (s < last && (is_digit(*s) || (*s == ',' && s + 1 < last && is_digit(s[1])))) {
      negative = true;
      q = s;
    }
  } else {
    const char* s = q;
    if (match_word(lex.negative_words, s, last) && skip_space(s, last)) {
      negative = true;
      q = s;
    }
  }
  numeral_ast total;
  bool first = true;
  int previous_power = 1000;
  for (;;) {
    const char* s = q;
    if (!first && !skip_space(s, last)) break;
    numeral_ast seg;
    bool complex = false;
    if (parse_digits(env, s, last, seg)) {
      if (seg.is_code || seg.is_fraction) {
        if (!first) break;
        out = seg;
        p = s;
        return true;
      }
    } else {
      std::int64_t v = 0;
      int w = 0;
      if (!parse_word_small(env, s, last, v, w, complex)) break;
      seg.value = decimal::from_int(v);
      seg.words = true;
      seg.word_count = w;
    }
    // "2 chấm 23", "hai phẩy năm": decimals in words (only on the first segment, before scales).
    if (first && !seg.has_scale && seg.value.is_integer()) {
      const char* t = s;
      std::string digits;
      if (spaced_word(lex.decimal_point_words, t, last) && skip_space(t, last) &&
          parse_fraction_digits(env, t, last, digits)) {
        if (auto d = decimal::parse(seg.value.to_string() + "." + digits)) {
          seg.value = *d;
          seg.word_count += 2;
          s = t;
        }
      }
    }
    int power = seg.has_scale ? seg.last_power : 0;
    int segment_power = 0;
    while (auto sc = spaced_word(lex.scale_words, s, last)) {
      power += *sc;
      segment_power += *sc;
      seg.has_scale = true;
      ++seg.word_count;
    }
    if (segment_power > 0) {
      if (auto v = seg.value.scaled_by_power_of_ten(segment_power)) seg.value = *v;
      else break;
      seg.last_power = power;
    }
    if (!first) {
      // A later segment must be smaller than the one before: "3 tỷ 200 triệu". Without a scale word it is
      // only taken in words and with structure ("... nghìn không trăm mười một"), never a bare digit
      // ("hai nghìn năm" is 2000 years).
      if (seg.has_scale ? power >= previous_power : !(seg.words && complex)) break;
    }
    if (first) {
      total = seg;
    } else {
      auto sum = total.value.plus(seg.value);
      if (!sum) break;
      total.value = *sum;
      total.word_count += seg.word_count;
      total.words = total.words || seg.words;
    }
    q = s;
    first = false;
    if (!seg.has_scale) break;
    previous_power = power;
  }
  if (first) return false;
  if (negative) {
    auto neg = decimal::from_int(0).minus(total.value);
    if (!neg) return false;
    total.value = *neg;
  }
  out = total;
  p = q;
  return true;
}

// The X3 face of parse_numeral: a primitive parser reading its tables from the context.
struct numeral_parser : x3::parser<numeral_parser> {
  using attribute_type = numeral_ast;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    const numeric_env& env = x3::get<numeric_env_tag>(ctx);
    const char* p = first;
    numeral_ast out;
    if (!parse_numeral(env, p, last, out)) return false;
    first = p;
    x3::traits::move_to(out, attr);
    return true;
  }
};

numeral_type const numeral_rule = "numeral";
auto const numeral_rule_def = numeral_parser{};
BOOST_SPIRIT_DEFINE(numeral_rule)

}  // namespace doichieu::grammars::numeric_grammar

#endif  // DOICHIEU_GRAMMARS_X3_NUMERIC_DEF_HPP_
