// ⟦…⟧ marks in example texts (grammar corpora and rule examples): the exact span a test expects.
#ifndef DOICHIEU_TESTS_CORPUS_SUPPORT_HPP_
#define DOICHIEU_TESTS_CORPUS_SUPPORT_HPP_

#include <cstddef>
#include <string>
#include <vector>

namespace doichieu::testing {

struct marked_text {
  std::string text;  // marks removed
  struct mark {
    std::size_t start, end;  // byte offsets into `text`
  };
  std::vector<mark> marks;
};

inline marked_text strip_marks(const std::string& input) {
  static const std::string open = "\u27e6", close = "\u27e7";  // ⟦ ⟧
  marked_text out;
  std::size_t open_at = std::string::npos;
  for (std::size_t i = 0; i < input.size();) {
    if (input.compare(i, open.size(), open) == 0) {
      open_at = out.text.size();
      i += open.size();
    } else if (input.compare(i, close.size(), close) == 0) {
      if (open_at != std::string::npos) out.marks.push_back({open_at, out.text.size()});
      open_at = std::string::npos;
      i += close.size();
    } else {
      out.text += input[i++];
    }
  }
  return out;
}

}  // namespace doichieu::testing

#endif  // DOICHIEU_TESTS_CORPUS_SUPPORT_HPP_
