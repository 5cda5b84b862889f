// rules/kinds/kind.hpp — what every rule kind implements, and the helpers they share (internal).
//
// A rule file names a kind; registry.cpp turns (kind, params) into a compiled kind object. The loader wraps
// it with the rule's id, severity and message templates (a rule_context) and run() hands both the reports.
// nlohmann appears here because this header never leaves the rules library.
#ifndef DOICHIEU_RULES_KINDS_KIND_HPP_
#define DOICHIEU_RULES_KINDS_KIND_HPP_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <doichieu/decimal.hpp>
#include <doichieu/finding.hpp>
#include <doichieu/result.hpp>
#include <doichieu/rules/rules.hpp>

namespace doichieu::rules {

// Several exact numbers shown as one argument, each formatted for the message's locale ("756,2 + 39,8").
struct number_list {
  std::vector<decimal> items;
  std::string separator = " + ";
};

// One named argument of a message template: text, or an exact number that ICU formats the Vietnamese way.
struct message_arg {
  std::string name;
  std::variant<std::string, decimal, number_list> value;
};
using message_args = std::vector<message_arg>;

// The rule around a kind: who it is and how it speaks. Immutable once loaded.
struct rule_context {
  std::string id;
  severity level = severity::error;
  std::string message_vi;  // ICU MessageFormat, locale vi
  std::string message_en;  // ICU MessageFormat, locale en

  // A finding of this rule; passed checks are info-level whatever the rule's level.
  finding make(bool passed, const message_args& args, std::vector<location> locations) const;
};

// Where a kind finds its shared data (rules/data) and how it names itself in errors.
struct kind_env {
  std::string rule_path;  // the rule file, for errors
  std::string data_dir;   // rules/data
  std::vector<std::string> gazetteers = {};  // extra officials files from the user's configuration
};

class rule_kind {
 public:
  virtual ~rule_kind() = default;
  // Appends findings (problems and passed checks). Must be const and reentrant.
  virtual void run(std::span<const report_view> reports, const rule_context& ctx,
                   std::vector<finding>& out) const = 0;
};

using kind_factory = result<std::unique_ptr<const rule_kind>> (*)(const nlohmann::json& params,
                                                                  const kind_env& env);

// The one registry (registry.cpp): kind name -> factory; nullptr for an unknown kind.
kind_factory find_kind(std::string_view name);

// ---- shared helpers (src/message.cpp, src/params.cpp, src/align.cpp) ----

// Formats an ICU MessageFormat pattern with named arguments. Errors: bad_rule (pattern or argument).
result<std::string> format_message(const std::string& pattern, const char* locale, const message_args& args);

// Checks a pattern compiles, so a broken template is reported at load time, naming the rule file.
status check_message_pattern(const std::string& pattern, const char* locale, const std::string& path,
                             const std::string& key);

// Parameter readers: a missing key gives `fallback`; a wrong type is a bad_rule error naming the key.
result<std::vector<std::string>> param_strings(const nlohmann::json& params, const char* key,
                                               std::vector<std::string> fallback, const kind_env& env);
result<double> param_number(const nlohmann::json& params, const char* key, double fallback,
                            const kind_env& env);
// Rejects keys a kind does not know, listing the ones it does.
status check_param_keys(const nlohmann::json& params, std::initializer_list<const char*> allowed,
                        const kind_env& env);
// Reads a JSON data file (comments allowed). Errors: bad_rule naming the file.
result<nlohmann::json> read_data_file(const std::string& path);

// Location of a fact in report `doc_index`.
location location_of(std::size_t doc_index, const fact& f);
// Location of an nfc range of a document.
location location_of(std::size_t doc_index, const document& doc, std::size_t nfc_begin, std::size_t nfc_end);

// Lower-cases (ICU case folding) a UTF-8 string, for comparing titles and names written in any case.
std::string fold(std::string_view utf8);

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_KINDS_KIND_HPP_
