// Builds extracted text and its text_map together, one unit at a time, so the two can never disagree.
#ifndef DOICHIEU_SRC_INPUT_BUILDER_HPP_
#define DOICHIEU_SRC_INPUT_BUILDER_HPP_

#include <string>
#include <string_view>
#include <vector>

#include <doichieu/input.hpp>

namespace doichieu::input::detail {

class text_builder {
 public:
  // Bytes copied unchanged from original[original_begin, +bytes.size()).
  void verbatim(std::size_t original_begin, std::string_view bytes);
  // `text` stands for original[original_begin, +original_length) (an entity, a CRLF, a collapsed run).
  void changed(std::size_t original_begin, std::size_t original_length, std::string_view text);
  // A paragraph break between blocks: "\n\n" unless the text is empty or already ends with one.
  void block_break(std::size_t original_at);
  // A single space standing for white space in the original; dropped at the start of a block and after
  // another space, so HTML/Markdown source line breaks do not become sentence breaks.
  void space(std::size_t original_begin, std::size_t original_length);
  const std::string& text() const noexcept { return text_; }
  text_map finish() { return text_map(std::move(pieces_)); }

 private:
  void add(std::size_t original_begin, std::size_t original_length, std::string_view text, bool is_verbatim);
  std::string text_;
  std::vector<text_map::piece> pieces_;
};

// Code points are never split: the length of the UTF-8 sequence that starts with `lead`.
inline std::size_t utf8_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Appends the text of an HTML-ish run whose entities were already decoded by the parser (`decoded`),
// aligning it with the raw bytes (`raw`, at `raw_offset` in the original) so that every decoded byte
// knows where it came from. White space is collapsed when `collapse_space`.
void append_aligned(text_builder& b, std::string_view raw, std::size_t raw_offset, std::string_view decoded,
                    bool collapse_space);

// Decodes one character reference at the start of `raw` ("&amp;", "&#7871;", "&#x1EBF;"); returns the
// number of raw bytes used and the UTF-8 bytes, or 0 when it is not one we decode.
std::size_t decode_entity(std::string_view raw, std::string& utf8);

// Scans `original` for <!-- doichieu-… --> comments. `ignore` holds byte ranges (code) where comments do
// not count. Errors: bad_config naming path, line and column.
result<std::vector<suppression>> scan_suppressions(const std::string& path, std::string_view original,
                                                   const std::vector<std::pair<std::size_t, std::size_t>>& ignore);

}  // namespace doichieu::input::detail

#endif  // DOICHIEU_SRC_INPUT_BUILDER_HPP_
