// doichieu/rules/rules.hpp — the rules engine: rule files (data) over facts (values) -> findings.
//
//   auto rules = doichieu::rules::load_rule_set(data_dir + "/rules/vi");
//   if (!rules) die(rules.error().describe());   // names the file, the key and the allowed values
//   std::vector<doichieu::rules::report_view> views = {{&doc_a, &facts_a}, {&doc_b, &facts_b}};
//   std::vector<doichieu::finding> out = (*rules)->run(views);
//
// A rule is one JSON file rules/vi/<RULE_ID>.json naming one of a fixed set of C++ rule kinds
// (rules/kinds/*.cpp, registered in rules/kinds/registry.cpp), its parameters, severity, messages and
// its own examples (which tests/rule_examples_test.cpp runs). A rule_set is immutable after loading and
// run() is const and reentrant.
#ifndef DOICHIEU_RULES_RULES_HPP_
#define DOICHIEU_RULES_RULES_HPP_

#include <cstddef>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/finding.hpp>
#include <doichieu/result.hpp>

namespace doichieu::rules {

// One report as the rules see it. Pointers are borrowed for the duration of run().
struct report_view {
  const document* doc = nullptr;
  const std::vector<fact>* facts = nullptr;
};

// One example inside a rule file: reports (1 for in-report kinds, 2-3 for cross-report kinds) whose text
// may carry ⟦…⟧ marks around the span where the rule must fire.
struct rule_example {
  std::vector<std::string> reports;  // texts with the ⟦ ⟧ marks still in
  bool fires = false;
  std::string published;             // ISO publication date of every report, empty when not given
};

struct rule_info {
  std::string id;           // file stem, UPPER_SNAKE
  std::string kind;         // one of the registered kinds
  severity level = severity::error;
  std::string description;  // one line, Vietnamese
  std::string path;         // the rule file
  std::vector<rule_example> examples;
};

class rule_set {
 public:
  virtual ~rule_set() = default;
  virtual const std::vector<rule_info>& rules() const noexcept = 0;
  // Runs every enabled rule. Findings include passed checks (finding::passed == true).
  virtual std::vector<finding> run(std::span<const report_view> reports) const = 0;
};

// Loads every *.json in `dir`. `disabled` lists RULE_IDs to skip (an unknown id is a bad_config error).
// Errors: bad_rule naming the file, the key and the allowed values.
result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir,
                                                      const std::vector<std::string>& disabled = {});

// A tolerance a user may set without editing rule files (.doichieu.json "tolerances", engine_options):
// it overrides parameter `param` of every rule whose kind is in `kinds`. Values outside [min, max] are
// rejected. The defaults are the rule files' own values (rules/README.md "Tolerance").
struct tolerance_knob {
  std::string name;                // the key users write, e.g. "rounding"
  std::string param;               // the rule parameter it sets, e.g. "rounding_tolerance"
  std::vector<std::string> kinds;  // the rule kinds that have that parameter
  double min = 0, max = 0;
  std::string meaning;             // one line for error messages and documentation
};
const std::vector<tolerance_knob>& tolerance_knobs();
// Checks one user tolerance; bad_config naming the key and the allowed names or range.
status check_tolerance(const std::string& name, double value);

// Same as above, every tolerance in `tolerances` (name -> value, see tolerance_knobs) overriding the rule
// files' parameters. Errors: bad_config for an unknown name or a value out of range.
result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir, const std::vector<std::string>& disabled,
                                                      const std::map<std::string, double>& tolerances);
// Same, with extra officials gazetteer files for title_held_on_date (engine_options::gazetteers).
result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir, const std::vector<std::string>& disabled,
                                                      const std::map<std::string, double>& tolerances,
                                                      const std::vector<std::string>& gazetteers);

// The kinds a rule file may name, for error messages and documentation.
std::vector<std::string> rule_kinds();

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_RULES_HPP_
