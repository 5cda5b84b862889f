// Candidate scan: where may a grammar family start? (RE2 over the folded text.)
//
// Each grammar family publishes RE2 patterns for its possible starts (digits, number words, month and
// weekday words, titles, document types...). The scanner compiles one RE2 per family once, then for a
// sentence reports every token start where some family's pattern matches, with a bit per family. The X3
// parsers only run at those positions, which keeps extraction linear and cheap on text without figures.
// Immutable after build(); scan() is const and thread-safe (RE2 objects are thread-safe for matching).
#ifndef DOICHIEU_SCAN_CANDIDATES_HPP_
#define DOICHIEU_SCAN_CANDIDATES_HPP_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/result.hpp>

namespace re2 {
class RE2;
}

namespace doichieu::scan {

enum family : unsigned { docref = 0, temporal = 1, person = 2, numeric = 3 };
inline constexpr std::size_t family_count = 4;

struct candidate {
  std::size_t position = 0;  // nfc/folded offset of a token start
  unsigned families = 0;     // bit (1u << family) set for each family that may start here
};

class candidate_scanner {
 public:
  // patterns[f] are the RE2 fragments of family f. Errors: bad_lexicon naming the family and the
  // RE2 error when a pattern does not compile.
  static result<std::shared_ptr<const candidate_scanner>> build(
      const std::array<std::vector<std::string>, family_count>& patterns);

  // Appends the candidates of folded[range.begin, range.end) to `out`, in increasing position.
  void scan(std::string_view folded, text_range range, std::vector<candidate>& out) const;

  ~candidate_scanner();
  candidate_scanner(const candidate_scanner&) = delete;
  candidate_scanner& operator=(const candidate_scanner&) = delete;

 private:
  candidate_scanner() = default;
  std::array<std::unique_ptr<re2::RE2>, family_count> regexes_;
};

// True when `pos` starts a token: at the range start, or after a code point that is not a letter or digit.
bool is_token_start(std::string_view text, std::size_t range_begin, std::size_t pos) noexcept;

}  // namespace doichieu::scan

#endif  // DOICHIEU_SCAN_CANDIDATES_HPP_
