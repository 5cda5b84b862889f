// Strict UTF-8 validation (Unicode 15, table 3-7) with the position of the first ill-formed sequence.
//
// We validate ourselves instead of asking ICU because ICU silently substitutes U+FFFD, and a checker that
// reports byte offsets must refuse input whose offsets it cannot honour. The reported byte is the start of
// the ill-formed sequence (as Python's decoder does), which is where an editor should put the cursor.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

namespace doichieu {
namespace {

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

std::string code_point_name(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// Why the sequence starting at `i` is ill-formed, or empty when it is well-formed; `length` receives the
// length of a well-formed sequence.
std::string check_sequence(std::string_view s, std::size_t i, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    length = 1;
    return {};
  }
  if (lead < 0xC0) return "unexpected continuation byte " + hex_byte(lead);
  std::size_t n;
  std::uint32_t cp;
  if (lead < 0xE0) {
    n = 2;
    cp = lead & 0x1Fu;
  } else if (lead < 0xF0) {
    n = 3;
    cp = lead & 0x0Fu;
  } else if (lead < 0xF8) {
    // F5..F7 would start code points above U+10FFFF; decoding them gives the clearer message below.
    n = 4;
    cp = lead & 0x07u;
  } else {
    return "invalid byte " + hex_byte(lead);
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) {
      return "truncated " + std::to_string(n) + "-byte sequence at end of input";
    }
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0u) != 0x80u) {
      return "truncated " + std::to_string(n) + "-byte sequence: expected a continuation byte, got " +
             hex_byte(c);
    }
    cp = (cp << 6) | (c & 0x3Fu);
  }
  static constexpr std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n]) {
    return "overlong " + std::to_string(n) + "-byte encoding of " + code_point_name(cp);
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return "surrogate " + code_point_name(cp) + " is not a character";
  if (cp > 0x10FFFF) return "code point " + code_point_name(cp) + " is above U+10FFFF";
  length = n;
  return {};
}

}  // namespace

status validate_utf8(std::string_view bytes, std::string_view path) {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t i = 0;
  while (i < bytes.size()) {
    // ASCII fast path: most of a Vietnamese text is still ASCII letters and spaces.
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      if (b == '\n' || (b == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
        ++line;
        column = 1;
      } else if (b != '\r') {
        ++column;
      }
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::string why = check_sequence(bytes, i, length);
    if (!why.empty()) {
      source_location where{std::string(path), i, line, column};
      return make_error(error_kind::invalid_utf8,
                        "invalid UTF-8 at byte " + std::to_string(i) + " (line " + std::to_string(line) +
                            ", column " + std::to_string(column) + "): " + why,
                        std::move(where));
    }
    i += length;
    ++column;
  }
  return ok;
}

}  // namespace doichieu
