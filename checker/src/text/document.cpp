// make_document and the document's position queries; parse_iso_time.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

namespace doichieu {
namespace {

// The splitter behind the 3-argument make_document, which has no data directory to read
// grammars/lexicon/vi/abbreviations.json from. This is the one place an abbreviation list lives in code:
// a minimal fallback of the commonest Vietnamese news abbreviations; the engine loads the full list from
// data and calls the 4-argument overload.
const result<std::shared_ptr<const sentence_splitter>>& builtin_splitter() {
  // A function-local static is initialised exactly once even with concurrent callers (C++11 [stmt.dcl]),
  // and the splitter is immutable afterwards: split() clones its ICU prototypes per call.
  static const result<std::shared_ptr<const sentence_splitter>> splitter = sentence_splitter::from_abbreviations(
      {"TP.", "Tp.", "Q.", "P.", "TT.", "TS.", "ThS.", "PGS.", "GS.", "BS.", "KS."}, "<built-in abbreviations>");
  return splitter;
}

std::size_t range_at(const std::vector<text_range>& ranges, std::size_t offset) noexcept {
  // The last range starting at or before the offset: an offset in dropped white space between two
  // ranges belongs to the one before it.
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](std::size_t off, const text_range& r) { return off < r.begin; });
  return it == ranges.begin() ? 0 : static_cast<std::size_t>(it - ranges.begin()) - 1;
}

span locate_in(const std::vector<std::size_t>& line_starts, std::string_view bytes, std::size_t byte) {
  const std::size_t offset = std::min(byte, bytes.size());
  span out;
  out.start = out.end = offset;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  const std::size_t line_start = it == line_starts.begin() ? 0 : *(it - 1);
  out.line = it == line_starts.begin() ? 1 : static_cast<std::size_t>(it - line_starts.begin());
  // Columns count code points: every byte that is not a UTF-8 continuation byte starts one.
  out.column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0u) != 0x80u) ++out.column;
  }
  return out;
}

}  // namespace

result<document> make_document(std::string path, std::string bytes, std::optional<civil_time> published,
                               const sentence_splitter& splitter) {
  if (bytes.size() > max_document_bytes) {
    return make_error(error_kind::too_large,
                      "input is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                          std::to_string(max_document_bytes),
                      {path, std::nullopt, 0, 0});
  }
  // NUL is valid UTF-8, but no report contains one: a binary file is the likelier story, and saying so
  // beats a confusing UTF-8 error further on.
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
    const std::string_view before = std::string_view(bytes).substr(0, at);
    const span where = locate_in(find_line_starts(before), before, at);
    return make_error(error_kind::binary_input,
                      "NUL byte at byte " + std::to_string(at) + ": this looks like a binary file, not a text report",
                      {path, at, where.line, where.column});
  }
  if (auto valid = validate_utf8(bytes, path); !valid) return valid.error();

  auto normal = normalize_nfc(bytes);
  if (!normal) {
    error err = normal.error();
    err.where.path = path;
    return err;
  }
  document doc;
  doc.path = std::move(path);
  doc.original = std::move(bytes);
  doc.nfc = std::move(normal->nfc);
  doc.map = std::move(normal->map);
  doc.folded = fold_case(doc.nfc);
  doc.line_starts = find_line_starts(doc.original);
  doc.sentences = splitter.split(doc.nfc);
  doc.paragraphs = split_paragraphs(doc.nfc);
  doc.published = std::move(published);
  return doc;
}

result<document> make_document(std::string path, std::string bytes, std::optional<civil_time> published) {
  const auto& splitter = builtin_splitter();
  if (!splitter) return splitter.error();
  return make_document(std::move(path), std::move(bytes), std::move(published), **splitter);
}

span document::locate(std::size_t original_offset) const {
  return locate_in(line_starts, original, original_offset);
}

span document::original_span(std::size_t nfc_begin, std::size_t nfc_end) const {
  const std::size_t start = map.to_original_start(nfc_begin);
  // An empty range stays empty even inside a changed run (whose start and end map apart).
  const std::size_t end = nfc_end <= nfc_begin ? start : std::max(start, map.to_original_end(nfc_end));
  span out = locate(start);
  out.start = start;
  out.end = std::min(end, original.size());
  return out;
}

std::size_t document::sentence_at(std::size_t nfc_offset) const noexcept { return range_at(sentences, nfc_offset); }

std::size_t document::paragraph_at(std::size_t nfc_offset) const noexcept { return range_at(paragraphs, nfc_offset); }

namespace {

bool read_digits(std::string_view s, std::size_t& i, std::size_t count, int& out) {
  if (i + count > s.size()) return false;
  int v = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const char c = s[i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += count;
  out = v;
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

std::optional<civil_time> parse_iso_time(std::string_view s) noexcept {
  std::size_t i = 0;
  int year, month, day;
  if (!read_digits(s, i, 4, year) || i >= s.size() || s[i++] != '-' || !read_digits(s, i, 2, month) ||
      i >= s.size() || s[i++] != '-' || !read_digits(s, i, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  civil_time t;
  t.year = year;
  t.month = month;
  t.day = day;
  if (i == s.size()) return t;

  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  int hour, minute;
  if (!read_digits(s, i, 2, hour) || i >= s.size() || s[i++] != ':' || !read_digits(s, i, 2, minute)) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59) return std::nullopt;
  t.hour = hour;
  t.minute = minute;
  if (i < s.size() && s[i] == ':') {
    ++i;
    int second;
    if (!read_digits(s, i, 2, second) || second > 60) return std::nullopt;  // 60: leap second
    t.second = second;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {  // fractions of a second: below our precision
      ++i;
      const std::size_t digits_from = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == digits_from) return std::nullopt;
    }
  }
  if (i == s.size()) return t;
  // A zone is checked for form and then ignored: reports give local times.
  if (s[i] == 'Z' || s[i] == 'z') return i + 1 == s.size() ? std::optional<civil_time>(t) : std::nullopt;
  if (s[i] != '+' && s[i] != '-') return std::nullopt;
  ++i;
  int zone_hours, zone_minutes = 0;
  if (!read_digits(s, i, 2, zone_hours) || zone_hours > 23) return std::nullopt;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && (!read_digits(s, i, 2, zone_minutes) || zone_minutes > 59)) return std::nullopt;
  if (i != s.size()) return std::nullopt;
  return t;
}

}  // namespace doichieu
