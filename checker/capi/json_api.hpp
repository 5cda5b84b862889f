// checker/capi/json_api.hpp — the v1 JSON request/response layer shared by the C ABI and `doichieu serve`.
//
//   auto out = doichieu::json_api::handle(*eng, doichieu::json_api::operation::check, body, limits);
//   if (!out) return status_of(out.error());   // bad_json / invalid_utf8 / too_large / usage ...
//   send(*out);                                 // doichieu/report/v1 or doichieu/facts/v1
//
// Request (both operations):
//   {"reports": [{"path"|"id": "...", "text": "...", "published"?: "2024-03-07"}, ...]}
// (each finding carries "message" in Vietnamese and "message_en" in English, so there is no language key)
// Internal to libdoichieu and the server (not installed): it names only std and our own types, and every
// nlohmann exception stays in json_api.cpp. handle() is const on the engine and safe to call concurrently.
#ifndef DOICHIEU_CAPI_JSON_API_HPP_
#define DOICHIEU_CAPI_JSON_API_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include <doichieu/engine.hpp>
#include <doichieu/result.hpp>

namespace doichieu::json_api {

enum class operation { check, extract };

struct limits {
  // A request above this many bytes is refused before it is parsed (too_large): a CMS may hand us anything.
  std::size_t max_request_bytes = 16u * 1024u * 1024u;
  // More reports than this in one request is a usage error: check() compares every pair of reports.
  std::size_t max_reports = 64;
};

// Parses a v1 request, runs the operation and returns the v1 JSON document (one line, UTF-8).
// Errors: too_large, invalid_utf8 (byte offset into the request), bad_json (byte offset and the field path,
// e.g. "reports[1].text"), usage (valid JSON of the wrong shape), then whatever the engine reports for a
// report (invalid_utf8, binary_input for a NUL byte, too_large), with `where.path` naming the report.
result<std::string> handle(const engine& eng, operation op, std::string_view request, const limits& lim);

// The negative status code of the C ABI for an error kind (0 for ok).
constexpr int status_of(error_kind kind) noexcept { return -static_cast<int>(kind); }

}  // namespace doichieu::json_api

#endif  // DOICHIEU_CAPI_JSON_API_HPP_
