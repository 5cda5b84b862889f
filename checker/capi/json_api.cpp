// The v1 JSON request layer. Parsing is strict (unknown keys are refused and the allowed ones listed) so
// that a typo in a CMS plugin ("txt", "reprots") is an error that says what to write instead, not a silent
// empty check.
#include "json_api.hpp"

#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <doichieu/document.hpp>
#include <doichieu/reports/reporter.hpp>

namespace doichieu::json_api {
namespace {

using json = nlohmann::json;

error shape_error(std::string field, std::string message) {
  return make_error(error_kind::usage, std::move(message), {std::move(field), {}, 0, 0});
}

struct request {
  std::vector<report_input> reports;
};

// nlohmann's exception carries the byte position; we keep it in `where.byte` (0-based) and drop the
// "[json.exception.parse_error.101]" prefix that means nothing to a CMS developer.
error parse_error_of(const json::parse_error& e) {
  std::string message = e.what();
  if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
  source_location where{"<request>", e.byte > 0 ? std::optional<std::size_t>(e.byte - 1) : std::nullopt, 0, 0};
  return make_error(error_kind::bad_json, "request is not valid JSON: " + message, std::move(where));
}

result<report_input> read_report(const json& item, std::size_t index) {
  const std::string field = "reports[" + std::to_string(index) + "]";
  if (!item.is_object()) return shape_error(field, field + " must be an object {\"path\"|\"id\", \"text\", \"published\"?}");
  report_input in;
  bool named = false;
  for (const auto& [key, value] : item.items()) {
    if (key == "text") {
      if (!value.is_string()) return shape_error(field + ".text", field + ".text must be a string");
      in.bytes = value.get<std::string>();
    } else if (key == "path" || key == "id") {
      if (named) return shape_error(field + "." + key, field + " has both \"path\" and \"id\"; give one");
      named = true;
      if (value.is_string()) {
        in.path = value.get<std::string>();
      } else if (value.is_number_integer()) {
        in.path = value.dump();  // CMS post ids are often numbers
      } else {
        return shape_error(field + "." + key, field + "." + key + " must be a string or an integer");
      }
    } else if (key == "published") {
      if (value.is_null()) continue;
      if (!value.is_string()) return shape_error(field + ".published", field + ".published must be an ISO date string");
      auto t = parse_iso_time(value.get<std::string>());
      if (!t) {
        return shape_error(field + ".published",
                           field + ".published is not an ISO date (2024-03-07 or 2024-03-07T14:30:00): " +
                               value.get<std::string>());
      }
      in.published = *t;
    } else {
      return shape_error(field + "." + key,
                         "unknown key \"" + key + "\" in " + field + " (allowed: path, id, text, published)");
    }
  }
  if (!item.contains("text")) return shape_error(field, field + " has no \"text\"");
  if (!named) in.path = "report-" + std::to_string(index + 1);
  return in;
}

result<request> read_request(std::string_view bytes, const limits& lim) {
  if (bytes.size() > lim.max_request_bytes) {
    return make_error(error_kind::too_large,
                      "request is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                          std::to_string(lim.max_request_bytes),
                      {"<request>", {}, 0, 0});
  }
  // nlohmann rejects bad UTF-8 too, but as a generic parse error; checking first gives the stable
  // invalid_utf8 status and the exact byte.
  if (auto ok = validate_utf8(bytes, "<request>"); !ok) return ok.error();
  // JSON text has no raw NUL (a string writes it \u0000), and nlohmann's reader stops at one, which
  // would silently accept "{...}\0anything": refuse it here.
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    return make_error(error_kind::bad_json, "request is not valid JSON: a raw NUL character (write \\u0000 in a string)",
                      {"<request>", nul, 0, 0});
  }
  json doc;
  try {
    doc = json::parse(bytes.begin(), bytes.end());
  } catch (const json::parse_error& e) {
    return parse_error_of(e);
  } catch (const json::exception& e) {
    // A number too large for a double (out_of_range 406) is not a parse_error; the DOICHIEU_E_INTERNAL
    // it became was a bug (found by fuzz_config in the same parser call of .doichieu.json).
    std::string message = e.what();
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    return make_error(error_kind::bad_json, "request is not valid JSON: " + message, {"<request>", {}, 0, 0});
  }
  if (!doc.is_object()) return shape_error("<request>", "request must be a JSON object {\"reports\": [...]}");
  request req;
  for (const auto& [key, value] : doc.items()) {
    if (key == "reports") {
      if (!value.is_array()) return shape_error("reports", "\"reports\" must be an array");
      if (value.empty()) return shape_error("reports", "\"reports\" is empty; give at least one report");
      if (value.size() > lim.max_reports) {
        return shape_error("reports", "\"reports\" has " + std::to_string(value.size()) +
                                          " items; the limit is " + std::to_string(lim.max_reports));
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        auto in = read_report(value[i], i);
        if (!in) return in.error();
        req.reports.push_back(std::move(*in));
      }
    } else {
      // No "lang": the v1 JSON carries every finding's message in Vietnamese and English.
      return shape_error(key, "unknown key \"" + key + "\" in the request (allowed: reports)");
    }
  }
  if (!doc.contains("reports")) return shape_error("reports", "request has no \"reports\" array");
  return req;
}

}  // namespace

result<std::string> handle(const engine& eng, operation op, std::string_view bytes, const limits& lim) {
  try {
    auto req = read_request(bytes, lim);
    if (!req) return req.error();
    const reports::render_options ropt;
    std::ostringstream out;
    if (op == operation::extract) {
      std::vector<extraction> docs;
      docs.reserve(req->reports.size());
      for (auto& in : req->reports) {
        auto ex = eng.extract(std::move(in));
        if (!ex) return ex.error();
        docs.push_back(std::move(*ex));
      }
      reports::render_facts(docs, reports::format::json, ropt, out);
    } else {
      auto rep = eng.check(std::move(req->reports));
      if (!rep) return rep.error();
      reports::render_check(*rep, reports::format::json, ropt, out);
    }
    std::string text = std::move(out).str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  } catch (const std::bad_alloc&) {
    return make_error(error_kind::too_large, "out of memory while handling the request");
  } catch (const std::exception& e) {
    return make_error(error_kind::internal, std::string("internal error: ") + e.what());
  }
}

}  // namespace doichieu::json_api
