// doichieu/rules/rule_file.hpp — one rule file on its own, and the ⟦…⟧ example marks.
//
//   auto one = doichieu::rules::load_rule_file("rules/vi/MONEY_PARTS_SUM.json");
//   auto marked = doichieu::rules::strip_marks("Tổng ⟦796 tỉ đồng⟧, trong đó ...");
//   // marked.text has no marks; marked.marks[0] is the byte range of "796 tỉ đồng" in it
//
// Used by the example runner (tests/rule_examples_test.cpp) to run a rule in isolation, and by tools that
// lint a rule file. Same errors and thread-safety as load_rule_set.
#ifndef DOICHIEU_RULES_RULE_FILE_HPP_
#define DOICHIEU_RULES_RULE_FILE_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/result.hpp>
#include <doichieu/rules/rules.hpp>

namespace doichieu::rules {

// A rule set holding only the rule in `path` (a rules/<lang>/<RULE_ID>.json file). Shared data is read
// from the sibling `data` folder of the rules folder (rules/data). Errors: bad_rule naming the file.
result<std::shared_ptr<const rule_set>> load_rule_file(const std::string& path);

struct marked_text {
  std::string text;  // the input without the ⟦ and ⟧ marks
  struct range {
    std::size_t begin = 0;  // byte offsets into `text`
    std::size_t end = 0;
  };
  std::vector<range> marks;
};
// Removes ⟦ ⟧ pairs and records where they were. Unbalanced marks are dropped and not recorded.
marked_text strip_marks(std::string_view with_marks);

// The top-level keys a rule file may have.
std::vector<std::string> rule_file_keys();

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_RULE_FILE_HPP_
