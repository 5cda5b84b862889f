// text_map lookups and the builder that produces extracted text together with its map.
#include <algorithm>

#include "builder.hpp"

namespace doichieu::input {

std::size_t text_map::to_original_start(std::size_t off) const noexcept {
  if (pieces_.empty()) return off;
  // The piece containing `off`: the last one starting at or before it.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), off,
                             [](std::size_t o, const piece& p) { return o < p.text_begin; });
  if (it == pieces_.begin()) return pieces_.front().original_begin;
  const piece& p = *(it - 1);
  if (off >= p.text_begin + p.text_length) return p.original_begin + p.original_length;
  return p.verbatim ? p.original_begin + (off - p.text_begin) : p.original_begin;
}

std::size_t text_map::to_original_end(std::size_t off) const noexcept {
  if (pieces_.empty()) return off;
  // The piece whose bytes end at or after `off` and start before it: an end on a boundary belongs to the
  // piece before it, so a span never swallows the markup that follows.
  auto it = std::lower_bound(pieces_.begin(), pieces_.end(), off,
                             [](const piece& p, std::size_t o) { return p.text_begin + p.text_length < o; });
  if (it == pieces_.end()) return pieces_.back().original_begin + pieces_.back().original_length;
  const piece& p = *it;
  if (off <= p.text_begin) return p.original_begin;
  return p.verbatim ? p.original_begin + (off - p.text_begin) : p.original_begin + p.original_length;
}

namespace detail {

void text_builder::add(std::size_t original_begin, std::size_t original_length, std::string_view text,
                       bool is_verbatim) {
  if (text.empty()) return;
  if (is_verbatim && !pieces_.empty()) {
    auto& last = pieces_.back();
    if (last.verbatim && last.original_begin + last.original_length == original_begin) {
      last.text_length += text.size();
      last.original_length += original_length;
      text_ += text;
      return;
    }
  }
  pieces_.push_back({text_.size(), text.size(), original_begin, original_length, is_verbatim});
  text_ += text;
}

void text_builder::verbatim(std::size_t original_begin, std::string_view bytes) {
  add(original_begin, bytes.size(), bytes, true);
}

void text_builder::changed(std::size_t original_begin, std::size_t original_length, std::string_view text) {
  add(original_begin, original_length, text, false);
}

void text_builder::block_break(std::size_t original_at) {
  if (text_.empty()) return;
  // Trailing spaces before a break carry nothing.
  std::size_t n = 0;
  while (n < text_.size() && text_[text_.size() - 1 - n] == '\n') ++n;
  if (n >= 2) return;
  changed(original_at, 0, n == 1 ? "\n" : "\n\n");
}

void text_builder::space(std::size_t original_begin, std::size_t original_length) {
  if (text_.empty()) return;
  char last = text_.back();
  if (last == ' ' || last == '\n') return;
  add(original_begin, original_length, " ", false);
}

std::size_t decode_entity(std::string_view raw, std::string& utf8) {
  utf8.clear();
  if (raw.size() < 3 || raw[0] != '&') return 0;
  std::size_t semi = raw.find(';');
  if (semi == std::string_view::npos || semi > 40) return 0;
  std::string_view name = raw.substr(1, semi - 1);
  unsigned long cp = 0;
  if (!name.empty() && name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      else return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  } else {
    // The five XML entities and the no-break space cover what news Markdown uses; others stay verbatim.
    if (name == "amp") cp = '&';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "quot") cp = '"';
    else if (name == "apos") cp = '\'';
    else if (name == "nbsp") cp = 0xA0;
    else return 0;
  }
  if (cp < 0x80) {
    utf8 += static_cast<char>(cp);
  } else if (cp < 0x800) {
    utf8 += static_cast<char>(0xC0 | (cp >> 6));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    utf8 += static_cast<char>(0xE0 | (cp >> 12));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    utf8 += static_cast<char>(0xF0 | (cp >> 18));
    utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return semi + 1;
}

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
}  // namespace

void append_aligned(text_builder& b, std::string_view raw, std::size_t raw_offset, std::string_view decoded,
                    bool collapse_space) {
  std::size_t i = 0, k = 0;
  while (k < decoded.size()) {
    if (i >= raw.size()) {
      // The parser produced more than the raw bytes explain: anchor the rest at the end.
      b.changed(raw_offset + raw.size(), 0, decoded.substr(k));
      return;
    }
    const char r = raw[i], d = decoded[k];
    if (collapse_space && is_space(d)) {
      std::size_t j = i;
      while (j < raw.size() && is_space(raw[j])) ++j;
      std::size_t m = k;
      while (m < decoded.size() && is_space(decoded[m])) ++m;
      if (j == i) {  // white space from an entity (&#10;): map it onto the entity
        std::string tmp;
        std::size_t used = decode_entity(raw.substr(i), tmp);
        j = i + (used ? used : 1);
      }
      b.space(raw_offset + i, j - i);
      i = j;
      k = m;
      continue;
    }
    if (r == '&' && !(d == '&' && raw.substr(i, 5) != "&amp;" && raw.substr(i, 4) != "&amp")) {
      // A character reference: its raw length from the raw bytes, its decoded length one code point (two
      // when the next raw byte does not follow on, as for the few two-code-point entities).
      std::size_t j = i + 1;
      while (j < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[j])) || raw[j] == '#')) ++j;
      if (j < raw.size() && raw[j] == ';') ++j;
      std::size_t m = k + utf8_length(static_cast<unsigned char>(d));
      if (m < decoded.size() && j < raw.size() && raw[j] != decoded[m] && !is_space(raw[j]))
        m += utf8_length(static_cast<unsigned char>(decoded[m]));
      m = std::min(m, decoded.size());
      b.changed(raw_offset + i, j - i, decoded.substr(k, m - k));
      i = j;
      k = m;
      continue;
    }
    if (r == '\r' && d == '\n') {  // HTML parsers turn CRLF and CR into LF
      std::size_t len = (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      b.changed(raw_offset + i, len, "\n");
      i += len;
      ++k;
      continue;
    }
    if (r == d) {
      std::size_t j = i, m = k;
      while (j < raw.size() && m < decoded.size() && raw[j] == decoded[m] && raw[j] != '&' && raw[j] != '\r' &&
             !(collapse_space && is_space(raw[j])))
        ++j, ++m;
      // A '&' that starts no reference we decode ("&#h…") or a CR the parser kept is itself: one byte, so
      // the loop always advances (it spun forever on such a '&' before; found by fuzz_read_html).
      if (j == i) ++j, ++m;
      b.verbatim(raw_offset + i, raw.substr(i, j - i));
      i = j;
      k = m;
      continue;
    }
    // Lost step (a parser repair we do not model): the rest maps as one changed run, which keeps its ends right.
    b.changed(raw_offset + i, raw.size() - i, decoded.substr(k));
    return;
  }
}

}  // namespace detail
}  // namespace doichieu::input
