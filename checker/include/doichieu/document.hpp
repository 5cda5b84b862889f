// doichieu/document.hpp — one report, from raw bytes to normalised, segmented text.
//
//   auto doc = doichieu::make_document("a.txt", bytes);   // validates UTF-8, NFC, folds case, splits sentences
//   if (!doc) return report(doc.error());                  // invalid UTF-8: error names the byte offset
//   for (auto s : doc->sentences) use(doc->nfc.substr(s.begin, s.end - s.begin));
//   span sp = doc->original_span(nfc_begin, nfc_end);     // back to the bytes the user gave us
//
// Three views of one text:
//   original — the bytes exactly as given (offsets in every finding refer to these);
//   nfc      — ICU NFC normalisation of original; `map` translates nfc offsets back (built from icu::Edits);
//   folded   — nfc lower-cased code point by code point with ICU simple case folding, keeping each code
//              point's UTF-8 length, so folded and nfc share offsets byte for byte. Grammars match `folded`
//              (case-insensitive) and look at `nfc` at the same offset when capitals matter (names).
// A document is an immutable value; it is safe to share between threads once built.
#ifndef DOICHIEU_DOCUMENT_HPP_
#define DOICHIEU_DOCUMENT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu {

// Maps byte offsets of the normalised text back to the original bytes.
class offset_map {
 public:
  // One run of the normalisation: `nfc_length` bytes starting at `nfc_begin` came from `original_length`
  // bytes at `original_begin`. Unchanged runs map byte for byte; changed runs map only their ends.
  struct segment {
    std::size_t nfc_begin, nfc_length, original_begin, original_length;
    bool changed;
  };
  offset_map() = default;
  explicit offset_map(std::vector<segment> segments) : segments_(std::move(segments)) {}

  // Start of a span: an offset inside a changed run maps to the run's original start.
  std::size_t to_original_start(std::size_t nfc_offset) const noexcept;
  // End of a span (exclusive): an offset inside a changed run maps to the run's original end.
  std::size_t to_original_end(std::size_t nfc_offset) const noexcept;
  bool identity() const noexcept { return segments_.empty(); }

 private:
  std::vector<segment> segments_;  // empty = identity
};

struct text_range {
  std::size_t begin = 0;  // nfc offsets
  std::size_t end = 0;
};

struct document {
  std::string path;                       // as given on the command line, or a JSON Lines id
  std::string original;                   // bytes exactly as given
  std::string nfc;                        // NFC normalisation of `original`
  std::string folded;                     // lower-cased `nfc`, same byte length and offsets
  offset_map map;                         // nfc -> original
  std::vector<std::size_t> line_starts;   // byte offsets in `original` where each line starts
  std::vector<text_range> sentences;      // nfc ranges, in order, covering the text
  std::vector<text_range> paragraphs;     // nfc ranges split at blank lines / line breaks
  std::optional<civil_time> published;    // anchors relative and yearless dates when known

  // Original span (with line and 1-based code-point column) of an nfc range; an empty range gives an
  // empty span.
  span original_span(std::size_t nfc_begin, std::size_t nfc_end) const;
  // Line and column of an original byte offset.
  span locate(std::size_t original_offset) const;
  // Index of the sentence / paragraph containing an nfc offset: the last range starting at or before it,
  // 0 when there is none.
  std::size_t sentence_at(std::size_t nfc_offset) const noexcept;
  std::size_t paragraph_at(std::size_t nfc_offset) const noexcept;
};

// Largest input accepted by make_document (bytes); bigger inputs are `too_large` errors.
inline constexpr std::size_t max_document_bytes = 256u * 1024u * 1024u;

// Checks that `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// On failure the error's where.byte is the offset of the first bad byte and the message says why.
status validate_utf8(std::string_view bytes, std::string_view path = {});

// The whole text pipeline: UTF-8 check -> NFC with offset map -> case fold -> sentences and paragraphs.
// Errors: invalid_utf8 (with byte offset), binary_input (NUL byte, with offset), too_large, icu.
// An empty input is a valid empty document.
result<document> make_document(std::string path, std::string bytes,
                               std::optional<civil_time> published = std::nullopt);

// Parses an ISO date or date-time ("2024-03-07", "2024-03-07T10:00:00", with an optional zone which is
// ignored) into a civil_time; nullopt when it is not one.
std::optional<civil_time> parse_iso_time(std::string_view iso) noexcept;

}  // namespace doichieu

#endif  // DOICHIEU_DOCUMENT_HPP_
