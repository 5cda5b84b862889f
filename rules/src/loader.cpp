// The rule loader: rules/<lang>/*.json -> an immutable rule_set. Every problem in a rule file is a
// bad_rule error naming the file, the key and what is allowed (Vale's E201 discipline).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <doichieu/rules/rule_file.hpp>
#include <doichieu/rules/rules.hpp>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

namespace fs = std::filesystem;

constexpr const char* top_level_keys[] = {"kind", "level", "description", "message", "params", "examples"};
constexpr const char* example_keys[] = {"text", "reports", "fires", "note", "published"};

struct compiled_rule {
  rule_info info;
  rule_context ctx;
  std::unique_ptr<const rule_kind> kind;
};

class loaded_rule_set final : public rule_set {
 public:
  explicit loaded_rule_set(std::vector<compiled_rule> rules) : rules_(std::move(rules)) {
    for (const auto& r : rules_) infos_.push_back(r.info);
  }
  const std::vector<rule_info>& rules() const noexcept override { return infos_; }
  std::vector<finding> run(std::span<const report_view> reports) const override {
    std::vector<finding> out;
    for (const auto& r : rules_) r.kind->run(reports, r.ctx, out);
    return out;
  }

 private:
  std::vector<compiled_rule> rules_;
  std::vector<rule_info> infos_;
};

error rule_error(const std::string& path, std::string message, std::size_t line = 0, std::size_t col = 0) {
  return make_error(error_kind::bad_rule, std::move(message), source_location{path, std::nullopt, line, col});
}

std::string join(const auto& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

bool valid_id(const std::string& id) {
  if (id.empty() || id[0] < 'A' || id[0] > 'Z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Line and 1-based column of a byte offset, for JSON syntax errors.
void line_col(const std::string& text, std::size_t byte, std::size_t& line, std::size_t& col) {
  line = 1;
  col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
}

result<nlohmann::json> parse_json(const std::string& path, const std::string& text) {
  try {
    return nlohmann::json::parse(text, nullptr, true, true);
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t line = 0, col = 0;
    line_col(text, e.byte > 0 ? e.byte - 1 : 0, line, col);
    return rule_error(path, std::string("not valid JSON: ") + e.what(), line, col);
  } catch (const std::exception& e) {
    return rule_error(path, std::string("not valid JSON: ") + e.what());
  }
}

result<rule_example> read_example(const std::string& path, const nlohmann::json& j, std::size_t index) {
  std::string key = "examples[" + std::to_string(index) + "]";
  if (!j.is_object()) return rule_error(path, "key '" + key + "': must be an object");
  for (const auto& [k, v] : j.items()) {
    if (std::find(std::begin(example_keys), std::end(example_keys), k) == std::end(example_keys))
      return rule_error(path, "unknown key '" + key + "." + k + "'; allowed keys: " + join(example_keys));
  }
  rule_example ex;
  if (j.contains("text") == j.contains("reports"))
    return rule_error(path, "key '" + key + "': needs exactly one of 'text' (one report) or 'reports' (2-3 reports)");
  if (j.contains("published")) {
    // A publication date for rules that judge dates against it; the same ISO form as --published.
    if (!j["published"].is_string() || !parse_iso_time(j["published"].get<std::string>()))
      return rule_error(path, "key '" + key + ".published': must be an ISO date such as \"2024-03-08\"");
    ex.published = j["published"].get<std::string>();
  }
  if (j.contains("text")) {
    if (!j["text"].is_string()) return rule_error(path, "key '" + key + ".text': must be a string");
    ex.reports.push_back(j["text"].get<std::string>());
  } else {
    const auto& reps = j["reports"];
    if (!reps.is_array() || reps.size() < 2 || reps.size() > 3)
      return rule_error(path, "key '" + key + ".reports': must be an array of 2 or 3 strings");
    for (const auto& r : reps) {
      if (!r.is_string()) return rule_error(path, "key '" + key + ".reports': must be an array of 2 or 3 strings");
      ex.reports.push_back(r.get<std::string>());
    }
  }
  if (!j.contains("fires") || !j["fires"].is_boolean())
    return rule_error(path, "key '" + key + ".fires': must be true or false");
  ex.fires = j["fires"].get<bool>();
  if (ex.fires) {
    std::size_t marks = 0;
    for (const auto& r : ex.reports) marks += strip_marks(r).marks.size();
    if (marks == 0) return rule_error(path, "key '" + key + "': a firing example must mark its span with ⟦…⟧");
  }
  return ex;
}

result<compiled_rule> load_one(const fs::path& file, const std::map<std::string, double>& tolerances = {},
                               const std::vector<std::string>& gazetteers = {}) {
  std::string path = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(error_kind::io, "cannot read rule file", source_location{path, std::nullopt, 0, 0});
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();

  compiled_rule rule;
  rule.info.id = file.stem().string();
  rule.info.path = path;
  if (!valid_id(rule.info.id))
    return rule_error(path, "rule id '" + rule.info.id + "' (the file name) must match ^[A-Z][A-Z0-9_]*$");

  auto parsed = parse_json(path, text);
  if (!parsed) return parsed.error();
  const nlohmann::json& j = *parsed;
  if (!j.is_object()) return rule_error(path, "a rule file must be a JSON object");
  for (const auto& [k, v] : j.items()) {
    if (std::find(std::begin(top_level_keys), std::end(top_level_keys), k) == std::end(top_level_keys))
      return rule_error(path, "unknown key '" + k + "'; allowed keys: " + join(top_level_keys));
  }

  // kind
  auto kinds = rule_kinds();
  if (!j.contains("kind") || !j["kind"].is_string())
    return rule_error(path, "key 'kind': missing or not a string; valid kinds: " + join(kinds));
  rule.info.kind = j["kind"].get<std::string>();
  kind_factory factory = find_kind(rule.info.kind);
  if (factory == nullptr)
    return rule_error(path, "key 'kind': unknown kind '" + rule.info.kind + "'; valid kinds: " + join(kinds));

  // level
  if (!j.contains("level") || !j["level"].is_string())
    return rule_error(path, "key 'level': missing or not a string; allowed values: error, warning, info");
  auto level = severity_from_string(j["level"].get<std::string>());
  if (!level)
    return rule_error(path, "key 'level': '" + j["level"].get<std::string>() +
                                "' is not allowed; allowed values: error, warning, info");
  rule.info.level = *level;

  // description
  if (!j.contains("description") || !j["description"].is_string() ||
      j["description"].get<std::string>().empty())
    return rule_error(path, "key 'description': a one-line string is required");
  rule.info.description = j["description"].get<std::string>();
  if (rule.info.description.find('\n') != std::string::npos)
    return rule_error(path, "key 'description': must be one line");

  // message
  if (!j.contains("message") || !j["message"].is_object())
    return rule_error(path, "key 'message': must be an object with 'vi' and 'en' templates");
  for (const auto& [k, v] : j["message"].items()) {
    if (k != "vi" && k != "en") return rule_error(path, "unknown key 'message." + k + "'; allowed keys: vi, en");
    if (!v.is_string()) return rule_error(path, "key 'message." + k + "': must be a string");
  }
  if (!j["message"].contains("vi") || !j["message"].contains("en"))
    return rule_error(path, "key 'message': needs both 'vi' and 'en'");
  rule.ctx.message_vi = j["message"]["vi"].get<std::string>();
  rule.ctx.message_en = j["message"]["en"].get<std::string>();
  if (auto st = check_message_pattern(rule.ctx.message_vi, "vi", path, "message.vi"); !st) return st.error();
  if (auto st = check_message_pattern(rule.ctx.message_en, "en", path, "message.en"); !st) return st.error();

  // examples
  if (!j.contains("examples") || !j["examples"].is_array())
    return rule_error(path, "key 'examples': must be an array with at least one firing and one silent example");
  std::size_t index = 0;
  for (const auto& e : j["examples"]) {
    auto ex = read_example(path, e, index++);
    if (!ex) return ex.error();
    rule.info.examples.push_back(std::move(*ex));
  }
  bool any_fires = false, any_silent = false;
  for (const auto& ex : rule.info.examples) (ex.fires ? any_fires : any_silent) = true;
  if (!any_fires || !any_silent)
    return rule_error(path, "key 'examples': needs at least one example with \"fires\": true and one with false");

  // params -> the compiled kind
  kind_env env{path, (file.parent_path().parent_path() / "data").string(), gazetteers};
  nlohmann::json params = j.contains("params") ? j["params"] : nlohmann::json::object();
  // User tolerances (already checked by load_rule_set) replace the file's values for the kinds that have
  // that parameter, before the kind checks and compiles its parameters.
  for (const auto& [name, value] : tolerances) {
    for (const auto& knob : tolerance_knobs()) {
      if (knob.name == name && params.is_object() &&
          std::find(knob.kinds.begin(), knob.kinds.end(), rule.info.kind) != knob.kinds.end())
        params[knob.param] = value;
    }
  }
  result<std::unique_ptr<const rule_kind>> compiled = [&]() -> result<std::unique_ptr<const rule_kind>> {
    try {
      return factory(params, env);
    } catch (const std::exception& e) {  // nlohmann type errors in a factory: still the file's fault
      return rule_error(path, std::string("key 'params': ") + e.what());
    }
  }();
  if (!compiled) return compiled.error();
  rule.kind = std::move(*compiled);

  rule.ctx.id = rule.info.id;
  rule.ctx.level = rule.info.level;
  return rule;
}

}  // namespace

const std::vector<tolerance_knob>& tolerance_knobs() {
  static const std::vector<tolerance_knob> knobs = {
      {"rounding", "rounding_tolerance", {"sum_equals_total", "same_value_across_reports"}, 0, 0.1,
       "largest relative gap of an exact figure read as rounding (0.005 = 0.5 %)"},
      {"about", "about_tolerance", {"sum_equals_total", "same_value_across_reports"}, 0, 0.5,
       "relative half-width of a hedged figure (khoảng, gần …; 0.1 = ± 10 %)"},
      {"ratio", "tolerance", {"ratio_of_figures"}, 0, 1,
       "relative slack of a written ratio (gấp 3 lần) against the figures' ratio"},
      {"share_points", "points", {"share_of_total"}, 0, 20,
       "percentage points a written share may differ from part / whole"},
      {"shares_sum_points", "points", {"shares_sum_to_whole"}, 0, 20,
       "percentage points per share that shares of one whole may miss 100 % by"},
  };
  return knobs;
}

status check_tolerance(const std::string& name, double value) {
  std::vector<std::string> names;
  for (const auto& knob : tolerance_knobs()) {
    names.push_back(knob.name);
    if (knob.name != name) continue;
    if (!(value >= knob.min && value <= knob.max)) {  // also rejects NaN
      std::ostringstream range;
      range << knob.min << " to " << knob.max;
      std::ostringstream shown;
      shown << value;
      return make_error(error_kind::bad_config, "tolerance \"" + name + "\": " + shown.str() +
                                                    " is out of range (allowed: " + range.str() + "; " + knob.meaning + ")");
    }
    return ok;
  }
  return make_error(error_kind::bad_config, "unknown tolerance \"" + name + "\" (allowed: " + join(names) + ")");
}

result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir, const std::vector<std::string>& disabled) {
  return load_rule_set(dir, disabled, {});
}

result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir, const std::vector<std::string>& disabled,
                                                      const std::map<std::string, double>& tolerances) {
  return load_rule_set(dir, disabled, tolerances, {});
}

result<std::shared_ptr<const rule_set>> load_rule_set(const std::string& dir, const std::vector<std::string>& disabled,
                                                      const std::map<std::string, double>& tolerances,
                                                      const std::vector<std::string>& gazetteers) {
  for (const auto& [name, value] : tolerances)
    if (auto st = check_tolerance(name, value); !st) return st.error();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(error_kind::bad_config, "rules folder not found", source_location{dir, std::nullopt, 0, 0});
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) return make_error(error_kind::io, "cannot list rules folder: " + ec.message(), source_location{dir, std::nullopt, 0, 0});
  std::sort(files.begin(), files.end());  // a stable order: findings must not depend on the file system

  std::vector<std::string> ids;
  for (const auto& f : files) ids.push_back(f.stem().string());
  for (const auto& d : disabled) {
    if (std::find(ids.begin(), ids.end(), d) == ids.end())
      return make_error(error_kind::bad_config, "unknown rule id '" + d + "' to disable; known rules: " + join(ids));
  }

  std::vector<compiled_rule> rules;
  for (const auto& f : files) {
    if (std::find(disabled.begin(), disabled.end(), f.stem().string()) != disabled.end()) continue;
    auto r = load_one(f, tolerances, gazetteers);
    if (!r) return r.error();
    rules.push_back(std::move(*r));
  }
  return std::shared_ptr<const rule_set>(std::make_shared<loaded_rule_set>(std::move(rules)));
}

result<std::shared_ptr<const rule_set>> load_rule_file(const std::string& path) {
  auto r = load_one(fs::path(path));
  if (!r) return r.error();
  std::vector<compiled_rule> rules;
  rules.push_back(std::move(*r));
  return std::shared_ptr<const rule_set>(std::make_shared<loaded_rule_set>(std::move(rules)));
}

marked_text strip_marks(std::string_view in) {
  static constexpr std::string_view open = "⟦", close = "⟧";
  marked_text out;
  // npos = no open mark (an optional trips g++ 12's maybe-uninitialized warning here).
  std::size_t start = std::string::npos;
  for (std::size_t i = 0; i < in.size();) {
    if (in.substr(i, open.size()) == open) {
      start = out.text.size();
      i += open.size();
    } else if (in.substr(i, close.size()) == close) {
      if (start != std::string::npos) out.marks.push_back({start, out.text.size()});
      start = std::string::npos;
      i += close.size();
    } else {
      out.text.push_back(in[i++]);
    }
  }
  return out;
}

std::vector<std::string> rule_file_keys() { return {std::begin(top_level_keys), std::end(top_level_keys)}; }

}  // namespace doichieu::rules
