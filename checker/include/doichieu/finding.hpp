// doichieu/finding.hpp — what the rules say about the reports. One model feeds every renderer.
//
// Findings are ordinary values, not errors: a finding at `error` severity makes `check` exit 1.
// A passed check (the rule looked and everything agreed) is a finding with `passed = true` and severity
// info, so editors can see what was verified, not only what failed.
#ifndef DOICHIEU_FINDING_HPP_
#define DOICHIEU_FINDING_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/fact.hpp>

namespace doichieu {

enum class severity { info = 0, warning = 1, error = 2 };
std::string_view to_string(severity s) noexcept;
std::optional<severity> severity_from_string(std::string_view name) noexcept;

struct location {
  std::size_t document = 0;  // index into the checked documents
  span where;                // original bytes, line, column
  std::string text;          // the original bytes of the span
};

struct finding {
  std::string rule;                // RULE_ID (file stem of the rule file)
  severity level = severity::error;
  std::string message;             // Vietnamese (the default UI language)
  std::string message_en;          // English
  std::vector<location> locations; // first = primary; the rest are related spans (other reports, parts)
  bool passed = false;             // true: a verified check, not a problem
};

// What renderers need to know of a rule (SARIF's driver.rules, the HTML filter list).
struct rule_summary {
  std::string id;
  std::string kind;
  severity level = severity::error;
  std::string description;
};

}  // namespace doichieu

#endif  // DOICHIEU_FINDING_HPP_
