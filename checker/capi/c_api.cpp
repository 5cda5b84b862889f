// The only extern "C" translation unit. Every entry point traps every exception (fmt-c's FMT_TRY/FMT_CATCH)
// so that no C++ type or exception crosses into a PHP, Python or C caller, and reports failures as the
// negated error_kind with a message kept in the handle (never in a global, so threads do not race on it).
#include <doichieu/doichieu.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <doichieu/document.hpp>
#include <doichieu/engine.hpp>
#include <doichieu/result.hpp>

#include "json_api.hpp"

#ifndef DOICHIEU_VERSION_STRING
#error "DOICHIEU_VERSION_STRING must come from CMake (project version)"
#endif

struct doichieu_engine {
  std::shared_ptr<const doichieu::engine> eng;  // null when loading failed
  int status = DOICHIEU_OK;
  std::string error;
  doichieu::json_api::limits lim;
};

struct doichieu_result {
  int status = DOICHIEU_OK;
  std::string json;
  std::string error;
};

namespace {

using doichieu::error_kind;
using doichieu::json_api::status_of;

static_assert(status_of(error_kind::usage) == DOICHIEU_E_USAGE);
static_assert(status_of(error_kind::io) == DOICHIEU_E_IO);
static_assert(status_of(error_kind::invalid_utf8) == DOICHIEU_E_INVALID_UTF8);
static_assert(status_of(error_kind::binary_input) == DOICHIEU_E_BINARY_INPUT);
static_assert(status_of(error_kind::too_large) == DOICHIEU_E_TOO_LARGE);
static_assert(status_of(error_kind::bad_json) == DOICHIEU_E_BAD_JSON);
static_assert(status_of(error_kind::bad_config) == DOICHIEU_E_BAD_CONFIG);
static_assert(status_of(error_kind::bad_rule) == DOICHIEU_E_BAD_RULE);
static_assert(status_of(error_kind::bad_lexicon) == DOICHIEU_E_BAD_LEXICON);
static_assert(status_of(error_kind::icu) == DOICHIEU_E_ICU);
static_assert(status_of(error_kind::internal) == DOICHIEU_E_INTERNAL);

// Engine options as JSON, strict like the request: an unknown key lists the allowed ones.
doichieu::result<std::pair<doichieu::engine_options, doichieu::json_api::limits>> read_options(const char* text) {
  using nlohmann::json;
  std::pair<doichieu::engine_options, doichieu::json_api::limits> out;
  if (text == nullptr || *text == '\0') return out;
  const std::string_view bytes(text);
  if (auto ok = doichieu::validate_utf8(bytes, "<options>"); !ok) return ok.error();
  json doc = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return doichieu::make_error(error_kind::bad_json, "engine options must be a JSON object", {"<options>", {}, 0, 0});
  }
  for (const auto& item : doc.items()) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambda below.
    const std::string& key = item.key();
    const json& value = item.value();
    auto bad = [&](const std::string& what) {
      return doichieu::make_error(error_kind::bad_config, "\"" + key + "\" " + what, {"<options>", {}, 0, 0});
    };
    if (key == "data_dir") {
      if (!value.is_string()) return bad("must be a string");
      out.first.data_dir = value.get<std::string>();
    } else if (key == "disabled_rules") {
      if (!value.is_array()) return bad("must be an array of rule ids");
      for (const auto& id : value) {
        if (!id.is_string()) return bad("must be an array of rule ids");
        out.first.disabled_rules.push_back(id.get<std::string>());
      }
    } else if (key == "max_request_bytes") {
      if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0) return bad("must be a positive integer");
      out.second.max_request_bytes = static_cast<std::size_t>(
          std::min<std::uint64_t>(value.get<std::uint64_t>(), std::numeric_limits<std::size_t>::max()));
    } else {
      return bad("is not an engine option (allowed: data_dir, disabled_rules, max_request_bytes)");
    }
  }
  return out;
}

std::string describe_or_kind(const doichieu::error& e) {
  std::string text = e.describe();
  return text.empty() ? doichieu::error_message(e.kind) : text;
}

// Shared body of check/extract: the result handle is made first so every later failure has a place for
// its message.
int run(const doichieu_engine* engine, const char* request, std::size_t request_len, doichieu_result** out,
        doichieu::json_api::operation op) noexcept {
  if (out == nullptr) return DOICHIEU_E_USAGE;
  *out = nullptr;
  doichieu_result* res = new (std::nothrow) doichieu_result;
  if (res == nullptr) return DOICHIEU_E_INTERNAL;
  *out = res;
  auto fail = [res](int status, const char* message) noexcept {
    res->status = status;
    try {
      res->error = message;
    } catch (...) {  // keep the status even if the message cannot be stored
    }
    return status;
  };
  try {
    if (engine == nullptr) return fail(DOICHIEU_E_USAGE, "engine is NULL");
    if (!engine->eng) {
      res->status = engine->status;
      res->error = "the engine failed to load: " + engine->error;
      return res->status;
    }
    if (request == nullptr) return fail(DOICHIEU_E_USAGE, "request is NULL");
    auto json = doichieu::json_api::handle(*engine->eng, op, std::string_view(request, request_len), engine->lim);
    if (!json) {
      res->status = status_of(json.error().kind);
      res->error = describe_or_kind(json.error());
      return res->status;
    }
    res->json = std::move(*json);
    return DOICHIEU_OK;
  } catch (const std::bad_alloc&) {
    res->json.clear();
    return fail(DOICHIEU_E_TOO_LARGE, "out of memory");
  } catch (...) {
    res->json.clear();
    return fail(DOICHIEU_E_INTERNAL, "internal error");
  }
}

}  // namespace

extern "C" {

DOICHIEU_API const char* doichieu_version(void) { return DOICHIEU_VERSION_STRING; }

DOICHIEU_API int doichieu_version_number(void) {
  return DOICHIEU_VERSION_MAJOR_NUMBER * 10000 + DOICHIEU_VERSION_MINOR_NUMBER * 100 + DOICHIEU_VERSION_PATCH_NUMBER;
}

DOICHIEU_API const char* doichieu_status_message(int status) {
  if (status == DOICHIEU_OK) return "ok";
  if (status > 0 || status < DOICHIEU_E_INTERNAL) return "unknown status code";
  return doichieu::error_message(static_cast<error_kind>(-status));
}

DOICHIEU_API int doichieu_engine_create(const char* options_json, doichieu_engine** out_engine) {
  if (out_engine == nullptr) return DOICHIEU_E_USAGE;
  *out_engine = nullptr;
  doichieu_engine* handle = new (std::nothrow) doichieu_engine;
  if (handle == nullptr) return DOICHIEU_E_INTERNAL;
  *out_engine = handle;
  try {
    auto opts = read_options(options_json);
    if (!opts) {
      handle->status = status_of(opts.error().kind);
      handle->error = describe_or_kind(opts.error());
      return handle->status;
    }
    handle->lim = opts->second;
    auto eng = doichieu::engine::load(opts->first);
    if (!eng) {
      handle->status = status_of(eng.error().kind);
      handle->error = describe_or_kind(eng.error());
      return handle->status;
    }
    handle->eng = std::move(*eng);
    return DOICHIEU_OK;
  } catch (...) {
    handle->eng.reset();
    handle->status = DOICHIEU_E_INTERNAL;
    try {
      handle->error = "internal error while loading the engine";
    } catch (...) {
    }
    return DOICHIEU_E_INTERNAL;
  }
}

DOICHIEU_API const char* doichieu_engine_error(const doichieu_engine* engine) {
  if (engine == nullptr) return "engine is NULL";
  return engine->error.c_str();
}

DOICHIEU_API void doichieu_engine_destroy(doichieu_engine* engine) {
  delete engine;  // destructors of std types and the engine do not throw
}

DOICHIEU_API int doichieu_check(const doichieu_engine* engine, const char* request, size_t request_len,
                                doichieu_result** out_result) {
  return run(engine, request, request_len, out_result, doichieu::json_api::operation::check);
}

DOICHIEU_API int doichieu_extract(const doichieu_engine* engine, const char* request, size_t request_len,
                                  doichieu_result** out_result) {
  return run(engine, request, request_len, out_result, doichieu::json_api::operation::extract);
}

DOICHIEU_API int doichieu_result_status(const doichieu_result* result) {
  return result == nullptr ? DOICHIEU_E_USAGE : result->status;
}

DOICHIEU_API const char* doichieu_result_json(const doichieu_result* result, size_t* len) {
  if (result == nullptr) {
    if (len != nullptr) *len = 0;
    return "";
  }
  if (len != nullptr) *len = result->json.size();
  return result->json.c_str();
}

DOICHIEU_API const char* doichieu_result_error(const doichieu_result* result) {
  return result == nullptr ? "result is NULL" : result->error.c_str();
}

DOICHIEU_API void doichieu_result_destroy(doichieu_result* result) { delete result; }

}  // extern "C"
