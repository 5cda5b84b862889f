// doichieu/engine.hpp — the compiled checker: lexicons and rules loaded once, used from many threads.
//
//   auto eng = doichieu::engine::load({.data_dir = "/usr/share/doichieu"});
//   if (!eng) die(eng.error().describe());
//   auto rep = (*eng)->check({{"a.txt", bytes_a}, {"b.txt", bytes_b}});
//   if (rep) for (const auto& f : rep->findings) ...
//
// An engine is immutable after load() and shared as shared_ptr<const engine>; extract() and check() are
// const, reentrant and safe to call concurrently. Nothing here throws: failures come back as `error`.
#ifndef DOICHIEU_ENGINE_HPP_
#define DOICHIEU_ENGINE_HPP_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/finding.hpp>
#include <doichieu/result.hpp>

namespace doichieu {

struct engine_options {
  std::string data_dir;                    // holds rules/ and grammars/lexicon/; empty = built-in default
  std::vector<std::string> disabled_rules; // RULE_IDs to skip (unknown ids are a bad_config error)
  // Tolerances overriding the rule files' parameters, by name: "rounding", "about", "ratio", "share_points",
  // "shares_sum_points" (rules::tolerance_knobs(), rules/README.md). Unknown names and values out of range
  // are bad_config errors naming the key and what is allowed.
  std::map<std::string, double> tolerances = {};
  // Extra officials gazetteer files (.doichieu.json "gazetteers"), read after rules/data/officials.json by
  // title_held_on_date; same format (rules/README.md). A malformed file is a bad_config error naming it.
  std::vector<std::string> gazetteers = {};
};

struct report_input {
  std::string path;                       // shown in findings
  std::string bytes;                      // the report, UTF-8
  std::optional<civil_time> published;    // publication date, anchors relative and yearless dates
};

struct extraction {
  document doc;
  std::vector<fact> facts;  // in text order
};

struct check_report {
  std::vector<extraction> reports;  // in input order; location::document indexes this
  std::vector<finding> findings;    // problems, most severe first, then by document and offset
  std::vector<finding> passed;      // verified checks
  std::vector<rule_summary> rules;  // every rule that ran, in id order
  // Exit status convention of the CLI: 1 when any finding is at or above `fail_level`.
  bool fails_at(severity fail_level) const noexcept;
};

class engine {
 public:
  // Loads lexicons and every rule file. Errors: bad_rule / bad_lexicon / bad_config naming the file.
  static result<std::shared_ptr<const engine>> load(const engine_options& options);

  // One report: text pipeline and grammars. Errors: invalid_utf8, binary_input, too_large.
  result<extraction> extract(report_input input) const;
  // Reports of one event: extraction of each, then every rule, within and across reports.
  result<check_report> check(std::vector<report_input> inputs) const;

  ~engine();
  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  struct impl;  // defined in checker/src/engine.cpp

 private:
  explicit engine(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

// Where the data files are found when engine_options::data_dir is empty: $DOICHIEU_DATA_DIR, then the
// source tree the binary was built from, then the install prefix.
std::string default_data_dir();

}  // namespace doichieu

#endif  // DOICHIEU_ENGINE_HPP_
