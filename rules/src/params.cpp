// Small shared pieces of the rule kinds: typed parameter reading with errors that name the key,
// data files, locations and case folding.
#include <fstream>
#include <sstream>

#include <unicode/unistr.h>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

error param_error(const kind_env& env, const std::string& key, const std::string& what) {
  return make_error(error_kind::bad_rule, "key 'params." + key + "': " + what,
                    source_location{env.rule_path, std::nullopt, 0, 0});
}

}  // namespace

result<std::vector<std::string>> param_strings(const nlohmann::json& params, const char* key,
                                               std::vector<std::string> fallback, const kind_env& env) {
  if (!params.is_object() || !params.contains(key)) return fallback;
  const auto& v = params.at(key);
  if (!v.is_array()) return param_error(env, key, "must be an array of strings");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty())
      return param_error(env, key, "must be an array of non-empty strings");
    out.push_back(fold(item.get_ref<const std::string&>()));
  }
  return out;
}

result<double> param_number(const nlohmann::json& params, const char* key, double fallback,
                            const kind_env& env) {
  if (!params.is_object() || !params.contains(key)) return fallback;
  const auto& v = params.at(key);
  if (!v.is_number() || v.get<double>() < 0) return param_error(env, key, "must be a non-negative number");
  return v.get<double>();
}

status check_param_keys(const nlohmann::json& params, std::initializer_list<const char*> allowed,
                        const kind_env& env) {
  if (params.is_null()) return ok;
  if (!params.is_object())
    return make_error(error_kind::bad_rule, "key 'params': must be an object",
                      source_location{env.rule_path, std::nullopt, 0, 0});
  for (const auto& [key, value] : params.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (known) continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return make_error(error_kind::bad_rule,
                      "unknown key 'params." + key + "'; allowed keys: " + (list.empty() ? "(none)" : list),
                      source_location{env.rule_path, std::nullopt, 0, 0});
  }
  return ok;
}

result<nlohmann::json> read_data_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_kind::bad_rule, "cannot read data file", source_location{path, std::nullopt, 0, 0});
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false, true);
  if (j.is_discarded())
    return make_error(error_kind::bad_rule, "data file is not valid JSON", source_location{path, std::nullopt, 0, 0});
  return j;
}

location location_of(std::size_t doc_index, const fact& f) {
  return location{doc_index, f.where, f.text};
}

location location_of(std::size_t doc_index, const document& doc, std::size_t nfc_begin, std::size_t nfc_end) {
  location loc;
  loc.document = doc_index;
  loc.where = doc.original_span(nfc_begin, nfc_end);
  if (loc.where.end <= doc.original.size() && loc.where.start <= loc.where.end)
    loc.text = doc.original.substr(loc.where.start, loc.where.end - loc.where.start);
  return loc;
}

std::string fold(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace doichieu::rules
