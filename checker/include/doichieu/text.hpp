// doichieu/text.hpp — the pieces of the text pipeline behind make_document, for callers that need them alone.
//
//   auto splitter = doichieu::sentence_splitter::load(data_dir + "/grammars/lexicon/vi/abbreviations.json");
//   if (!splitter) return report(splitter.error());           // bad_lexicon names the file, line and column
//   auto doc = doichieu::make_document("a.txt", bytes, std::nullopt, **splitter);
//   for (auto s : (*splitter)->split(doc->nfc)) ...           // the same ranges as doc->sentences
//
// The sentence splitter is ICU's sentence BreakIterator wrapped by icu::FilteredBreakIteratorBuilder with
// abbreviations that do not end a sentence ("TP.", "PGS.TS."). Abbreviations are data, loaded once; the
// splitter is immutable and shared as shared_ptr<const sentence_splitter>. ICU types stay in the .cpp.
#ifndef DOICHIEU_TEXT_HPP_
#define DOICHIEU_TEXT_HPP_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu {

// Splits normalised text into sentences. A sentence also ends at every line break (LF, CRLF, CR), since
// news text puts one paragraph per line and headlines have no final period.
//
// Thread-safety: split() is const and may be called concurrently; each call clones ICU iterators from the
// prototypes held here (ICU break iterators are not thread-safe, their clones are independent).
class sentence_splitter {
 public:
  // Reads a JSON file (comments allowed):
  //   {"description": "...", "abbreviations": ["TP.", "PGS.TS.", ...], "initial_words": ["anh", "chị", ...]}
  // Every abbreviation must end with '.' and contain no white space. A single-letter abbreviation ("H.")
  // right after one of the optional `initial_words` is read as a person's initial, which may end a sentence.
  // Errors: io (cannot read), bad_lexicon (malformed JSON, unknown key, bad entry; names path, line, column),
  // icu (ICU could not build the iterator).
  static result<std::shared_ptr<const sentence_splitter>> load(const std::string& abbreviations_json_path);
  // Same as load() from in-memory lists; `origin` names them in errors.
  static result<std::shared_ptr<const sentence_splitter>> from_abbreviations(
      const std::vector<std::string>& abbreviations, const std::string& origin = "<abbreviations>",
      const std::vector<std::string>& initial_words = {});

  // Sentence ranges of `nfc` (valid UTF-8, NFC) in order. Consecutive ranges touch: a sentence keeps its
  // trailing spaces and line break. Ranges holding only white space are dropped.
  std::vector<text_range> split(std::string_view nfc) const;

  // The abbreviations in use, as given.
  const std::vector<std::string>& abbreviations() const noexcept;

  ~sentence_splitter();
  sentence_splitter(const sentence_splitter&) = delete;
  sentence_splitter& operator=(const sentence_splitter&) = delete;

 struct impl;  // defined in segment.cpp; named here only so helpers there can read it

 private:
  explicit sentence_splitter(std::unique_ptr<impl> p) noexcept;
  std::unique_ptr<impl> impl_;
};

// make_document with a given splitter (the 3-argument form in document.hpp uses a built-in minimal one).
// Errors: as make_document. The splitter is only used during the call.
result<document> make_document(std::string path, std::string bytes, std::optional<civil_time> published,
                               const sentence_splitter& splitter);

// NFC normalisation of valid UTF-8 with the map back to the input. Errors: icu.
struct normalized_text {
  std::string nfc;
  offset_map map;  // identity (empty) when the input was already NFC
};
result<normalized_text> normalize_nfc(std::string_view utf8);

// Simple case folding code point by code point; a code point whose folded form has another UTF-8 length
// is kept as is, so the result has the size and offsets of `nfc`. `nfc` must be valid UTF-8.
std::string fold_case(std::string_view nfc);

// Byte offsets where lines start: always 0, then after every LF, CRLF and lone CR.
std::vector<std::size_t> find_line_starts(std::string_view bytes);

// Lines of `text` without their line break; empty and white-space-only lines are dropped.
std::vector<text_range> split_paragraphs(std::string_view text);

}  // namespace doichieu

#endif  // DOICHIEU_TEXT_HPP_
