// libFuzzer: the C ABI (doichieu.h) as a CMS plugin calls it — the input is the request JSON handed to
// doichieu_extract and then to doichieu_check on one engine. Linked against libdoichieu.a, the archive an
// integrator links.
// Invariants (the header's contract): the returned status equals doichieu_result_status; success has JSON
// and no error message, failure a message and no JSON; a known status, never DOICHIEU_E_INTERNAL (a bug
// caught at the boundary); the JSON of a success parses as one object.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include <doichieu/doichieu.h>
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

namespace {

doichieu_engine* the_engine() {
  static doichieu_engine* eng = [] {
    const std::string options = nlohmann::json{{"data_dir", doichieu::fuzz::source_dir()}}.dump();
    doichieu_engine* e = nullptr;
    const int rc = doichieu_engine_create(options.c_str(), &e);
    if (rc != DOICHIEU_OK) std::fprintf(stderr, "engine: %s\n", doichieu_engine_error(e));
    FUZZ_REQUIRE(rc == DOICHIEU_OK && e != nullptr && std::strcmp(doichieu_engine_error(e), "") == 0);
    return e;
  }();
  return eng;
}

using call = int (*)(const doichieu_engine*, const char*, size_t, doichieu_result**);

void run(call fn, const char* request, std::size_t size) {
  doichieu_result* res = nullptr;
  const int rc = fn(the_engine(), request, size, &res);
  FUZZ_REQUIRE(res != nullptr);
  FUZZ_REQUIRE(rc == doichieu_result_status(res));
  FUZZ_REQUIRE(rc <= DOICHIEU_OK && rc > DOICHIEU_E_INTERNAL);
  FUZZ_REQUIRE(std::strcmp(doichieu_status_message(rc), "unknown status code") != 0);
  std::size_t len = 12345;
  const char* json = doichieu_result_json(res, &len);
  const char* error = doichieu_result_error(res);
  FUZZ_REQUIRE(json != nullptr && error != nullptr && std::strlen(json) == len);
  if (rc == DOICHIEU_OK) {
    FUZZ_REQUIRE(len > 0 && *error == '\0');
    auto parsed = nlohmann::json::parse(json, json + len, nullptr, /*allow_exceptions=*/false);
    FUZZ_REQUIRE(parsed.is_object());
  } else {
    FUZZ_REQUIRE(len == 0 && *error != '\0');
  }
  doichieu_result_destroy(res);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* request = reinterpret_cast<const char*>(data);
  run(doichieu_extract, request, size);
  run(doichieu_check, request, size);
  return 0;
}
