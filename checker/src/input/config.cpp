// .doichieu.json: found by walking up from the inputs, strict about keys so a typo never silently does
// nothing (Vale's E201: the error lists what is allowed).
#include <filesystem>

#include <nlohmann/json.hpp>

#include <doichieu/rules/rules.hpp>

#include "builder.hpp"

namespace doichieu::input {
namespace {

// nlohmann's parse error gives a byte position; editors want line and column.
source_location position(const std::string& path, std::string_view bytes, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {path, byte, line, col};
}

// The line of `"key"` in the file, so errors about a value point at it (nlohmann keeps no positions).
source_location key_position(const std::string& path, std::string_view bytes, const std::string& key) {
  std::size_t at = bytes.find("\"" + key + "\"");
  if (at == std::string_view::npos) return {path, std::nullopt, 0, 0};
  source_location where = position(path, bytes, at);
  where.byte.reset();  // line and column say it; a byte offset would only clutter the message
  return where;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

result<config> parse_config(std::string_view bytes, const std::string& path) {
  config cfg;
  cfg.path = path;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(bytes, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    return make_error(error_kind::bad_config, what, position(path, bytes, e.byte ? e.byte - 1 : 0));
  } catch (const nlohmann::json::exception& e) {
    // "number overflow" (out_of_range 406) is not a parse_error: uncaught, it ended the CLI in
    // std::terminate (found by fuzz_config). nlohmann gives no position for it.
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return make_error(error_kind::bad_config, what, {path, std::nullopt, 0, 0});
  }
  auto bad = [&](const std::string& key, const std::string& message) {
    return make_error(error_kind::bad_config, message, key_position(path, bytes, key));
  };
  if (!j.is_object()) return make_error(error_kind::bad_config, "the configuration must be a JSON object", {path, 0, 1, 1});
  const std::vector<std::string> keys = {"rules", "include", "exclude", "format", "fail_level", "color", "lang",
                                         "data_dir", "output", "tolerances", "gazetteers"};
  const std::map<std::string, std::vector<std::string>> choices = {
      {"format", {"text", "json", "sarif", "github", "rdjsonl", "html"}},
      {"fail_level", {"error", "warning", "info"}},
      {"color", {"auto", "always", "never"}},
      {"lang", {"vi", "en"}}};
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    const auto& v = item.value();
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      return bad(key, "unknown key \"" + key + "\" (allowed: " + join(keys) + ")");
    if (key == "include" || key == "exclude") {
      if (!v.is_array()) return bad(key, "\"" + key + "\" must be an array of glob strings");
      for (const auto& g : v) {
        if (!g.is_string()) return bad(key, "\"" + key + "\" must be an array of glob strings");
        (key == "include" ? cfg.include : cfg.exclude).push_back(g.get<std::string>());
      }
      continue;
    }
    if (key == "rules") {
      if (!v.is_object()) return bad(key, "\"rules\" must map RULE_IDs to \"off\", a severity or {\"enabled\", \"severity\"}");
      for (const auto& r : v.items()) {
        rule_setting s;
        const auto& rv = r.value();
        auto level_of = [&](const std::string& name) -> std::optional<severity> { return severity_from_string(name); };
        if (rv.is_string() || rv.is_boolean()) {
          std::string name = rv.is_boolean() ? (rv.get<bool>() ? "on" : "off") : rv.get<std::string>();
          if (name == "off") s.enabled = false;
          else if (name == "on") s.enabled = true;
          else if (auto l = level_of(name)) s.level = l;
          else return bad(r.key(), "rule " + r.key() + ": unknown setting \"" + name + "\" (allowed: on, off, error, warning, info)");
        } else if (rv.is_object()) {
          for (const auto& f : rv.items()) {
            if (f.key() == "enabled" && f.value().is_boolean()) {
              s.enabled = f.value().get<bool>();
            } else if (f.key() == "severity" && f.value().is_string()) {
              s.level = level_of(f.value().get<std::string>());
              if (!s.level) return bad(r.key(), "rule " + r.key() + ": unknown severity \"" + f.value().get<std::string>() + "\" (allowed: error, warning, info)");
            } else {
              return bad(r.key(), "rule " + r.key() + ": unknown or mistyped key \"" + f.key() + "\" (allowed: enabled (boolean), severity (string))");
            }
          }
        } else {
          return bad(r.key(), "rule " + r.key() + ": expected \"off\", a severity or an object");
        }
        cfg.rules[r.key()] = s;
      }
      continue;
    }
    if (key == "gazetteers") {
      // Officials files for title_held_on_date, relative to this file; read (and checked) by the engine.
      if (!v.is_array()) return bad(key, "\"gazetteers\" must be an array of file paths");
      for (const auto& g : v) {
        if (!g.is_string() || g.get<std::string>().empty())
          return bad(key, "\"gazetteers\" must be an array of file paths");
        std::filesystem::path fp(g.get<std::string>());
        cfg.gazetteers.push_back(fp.is_absolute() || path.empty()
                                     ? fp.string()
                                     : (std::filesystem::path(path).parent_path() / fp).lexically_normal().string());
      }
      continue;
    }
    if (key == "tolerances") {
      // Checked here, against the same list the engine uses, so the error points into this file.
      std::string names;
      for (const auto& knob : rules::tolerance_knobs()) names += (names.empty() ? "" : ", ") + knob.name;
      if (!v.is_object()) return bad(key, "\"tolerances\" must map names (" + names + ") to numbers");
      for (const auto& t : v.items()) {
        if (!t.value().is_number())
          return bad(t.key(), "tolerance \"" + t.key() + "\" must be a number");
        if (auto st = rules::check_tolerance(t.key(), t.value().get<double>()); !st)
          return bad(t.key(), st.error().message);
        cfg.tolerances[t.key()] = t.value().get<double>();
      }
      continue;
    }
    if (!v.is_string()) return bad(key, "\"" + key + "\" must be a string");
    std::string value = v.get<std::string>();
    if (auto c = choices.find(key); c != choices.end() &&
                                    std::find(c->second.begin(), c->second.end(), value) == c->second.end())
      return bad(key, "\"" + key + "\": unknown value \"" + value + "\" (allowed: " + join(c->second) + ")");
    // Paths in the file are relative to the file, not to wherever the command runs.
    auto relative_to_file = [&](const std::string& p) {
      std::filesystem::path fp(p);
      if (fp.is_absolute() || path.empty()) return p;
      return (std::filesystem::path(path).parent_path() / fp).lexically_normal().string();
    };
    if (key == "format") cfg.format = value;
    else if (key == "fail_level") cfg.fail_level = value;
    else if (key == "color") cfg.color = value;
    else if (key == "lang") cfg.lang = value;
    else if (key == "data_dir") cfg.data_dir = relative_to_file(value);
    else if (key == "output") cfg.output = relative_to_file(value);
  }
  return cfg;
}

std::optional<std::string> find_config(const std::string& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start == "-" ? fs::path(".") : fs::path(start), ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (fs::path d = dir.lexically_normal();; d = d.parent_path()) {
    fs::path candidate = d / ".doichieu.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (d == d.root_path() || d.parent_path() == d) break;
  }
  return std::nullopt;
}

}  // namespace doichieu::input
