// The C ABI (doichieu.h) as a C caller sees it: versions, status codes, the memory rule, and bad input of
// every kind — NULL pointers, invalid JSON, invalid UTF-8, wrong shapes, NUL bytes, a 50 MB payload —
// coming back as a status and a message, never a crash. The JSON it returns must be the very bytes the
// C++ API renders for the same reports.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <doichieu/doichieu.h>
#include <doichieu/engine.hpp>
#include <doichieu/reports/reporter.hpp>

namespace {

using json = nlohmann::json;

// Two reports of one event (our own sentences): in the second, the parts no longer add up to the total.
const std::string text_a =
    "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, "
    "ngân sách tỉnh 150 tỉ đồng.";
const std::string text_b =
    "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, "
    "ngân sách tỉnh 120 tỉ đồng.";

std::string two_reports_request() {
  json req;
  req["reports"] = json::array({{{"id", "da-dang"}, {"text", text_a}, {"published", "2024-05-10"}},
                                {{"id", "ban-nhap"}, {"text", text_b}, {"published", "2024-05-11"}}});
  return req.dump();
}

struct engine_deleter {
  void operator()(doichieu_engine* e) const { doichieu_engine_destroy(e); }
};
struct result_deleter {
  void operator()(doichieu_result* r) const { doichieu_result_destroy(r); }
};
using engine_ptr = std::unique_ptr<doichieu_engine, engine_deleter>;
using result_ptr = std::unique_ptr<doichieu_result, result_deleter>;

engine_ptr make_engine(const char* options = nullptr) {
  doichieu_engine* e = nullptr;
  const int rc = doichieu_engine_create(options, &e);
  INFO(doichieu_engine_error(e));
  REQUIRE(rc == DOICHIEU_OK);
  REQUIRE(e != nullptr);
  return engine_ptr(e);
}

struct call_outcome {
  int status;
  std::string json;
  std::string error;
};

call_outcome call(const doichieu_engine* e, const std::string& request, bool extract = false) {
  doichieu_result* raw = nullptr;
  const int rc = extract ? doichieu_extract(e, request.data(), request.size(), &raw)
                         : doichieu_check(e, request.data(), request.size(), &raw);
  result_ptr res(raw);
  REQUIRE(res != nullptr);  // a result handle comes back on error too, carrying the message
  CHECK(doichieu_result_status(res.get()) == rc);
  std::size_t len = 12345;
  const char* text = doichieu_result_json(res.get(), &len);
  REQUIRE(text != nullptr);
  CHECK(std::strlen(text) == len);
  return {rc, std::string(text, len), doichieu_result_error(res.get())};
}

}  // namespace

TEST_CASE("version: the loaded library matches the header and the project", "[capi]") {
  CHECK(std::string(doichieu_version()) == DOICHIEU_PROJECT_VERSION);
  CHECK(doichieu_version_number() ==
        DOICHIEU_VERSION_MAJOR * 10000 + DOICHIEU_VERSION_MINOR * 100 + DOICHIEU_VERSION_PATCH);
  const std::string header_version = std::to_string(DOICHIEU_VERSION_MAJOR) + "." +
                                     std::to_string(DOICHIEU_VERSION_MINOR) + "." +
                                     std::to_string(DOICHIEU_VERSION_PATCH);
  CHECK(header_version == DOICHIEU_PROJECT_VERSION);
}

TEST_CASE("status codes: the negated error_kind, each with its own message", "[capi]") {
  CHECK(DOICHIEU_E_BAD_JSON == -static_cast<int>(doichieu::error_kind::bad_json));
  CHECK(DOICHIEU_E_INTERNAL == -static_cast<int>(doichieu::error_kind::internal));
  CHECK(std::string(doichieu_status_message(DOICHIEU_OK)) == "ok");
  std::set<std::string> seen;
  for (int code = DOICHIEU_E_USAGE; code >= DOICHIEU_E_INTERNAL; --code) {
    const char* m = doichieu_status_message(code);
    REQUIRE(m != nullptr);
    CHECK(std::string(m) == doichieu::error_message(static_cast<doichieu::error_kind>(-code)));
    CHECK(seen.insert(m).second);
  }
  CHECK(std::string(doichieu_status_message(1)) == "unknown status code");
  CHECK(std::string(doichieu_status_message(-999)) == "unknown status code");
}

TEST_CASE("check: findings as doichieu/report/v1, byte for byte what the C++ API renders", "[capi]") {
  auto e = make_engine();
  CHECK(std::string(doichieu_engine_error(e.get())).empty());
  const auto out = call(e.get(), two_reports_request());
  INFO(out.error);
  REQUIRE(out.status == DOICHIEU_OK);
  CHECK(out.error.empty());
  const json doc = json::parse(out.json);
  CHECK(doc["schema"] == "doichieu/report/v1");
  REQUIRE(doc["documents"].size() == 2);
  CHECK(doc["documents"][0]["path"] == "da-dang");
  CHECK(doc["documents"][1]["path"] == "ban-nhap");
  bool total_in_draft = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] != "TOTAL_EQUALS_PARTS") continue;
    for (const auto& loc : f["locations"]) {
      if (loc["document"] == "ban-nhap" && loc["text"] == "450 tỉ đồng") total_in_draft = true;
      CHECK(loc["document"] != "da-dang");  // the published report adds up
    }
  }
  CHECK(total_in_draft);

  // The same reports through the C++ API and the JSON renderer.
  auto eng = doichieu::engine::load({});
  REQUIRE(eng);
  auto rep = (*eng)->check({{"da-dang", text_a, doichieu::parse_iso_time("2024-05-10")},
                            {"ban-nhap", text_b, doichieu::parse_iso_time("2024-05-11")}});
  REQUIRE(rep);
  std::ostringstream expected;
  doichieu::reports::render_check(*rep, doichieu::reports::format::json, {}, expected);
  std::string expected_text = expected.str();
  while (!expected_text.empty() && expected_text.back() == '\n') expected_text.pop_back();
  CHECK(out.json == expected_text);
}

TEST_CASE("check: messages in both languages; ids may be numbers; path is accepted", "[capi]") {
  auto e = make_engine();
  json req;
  req["reports"] = json::array({{{"id", 7}, {"text", text_a}}, {{"path", "b.txt"}, {"text", text_b}}});
  const auto out = call(e.get(), req.dump());
  INFO(out.error);
  REQUIRE(out.status == DOICHIEU_OK);
  const json doc = json::parse(out.json);
  CHECK(doc["documents"][0]["path"] == "7");
  CHECK(doc["documents"][1]["path"] == "b.txt");
  REQUIRE_FALSE(doc["findings"].empty());
  CHECK(doc["findings"][0]["message"].get<std::string>().find("Tổng") != std::string::npos);
  CHECK(doc["findings"][0]["message_en"].get<std::string>().find("total") != std::string::npos);
}

TEST_CASE("extract: facts as doichieu/facts/v1", "[capi]") {
  auto e = make_engine();
  const auto out = call(e.get(), two_reports_request(), /*extract=*/true);
  INFO(out.error);
  REQUIRE(out.status == DOICHIEU_OK);
  const json doc = json::parse(out.json);
  CHECK(doc["schema"] == "doichieu/facts/v1");
  CHECK(out.json.find("450 tỉ đồng") != std::string::npos);
  CHECK(out.json.find("120 tỉ đồng") != std::string::npos);
}

TEST_CASE("NULL pointers are usage errors with a message", "[capi][bad-input]") {
  CHECK(doichieu_engine_create(nullptr, nullptr) == DOICHIEU_E_USAGE);
  auto e = make_engine("");  // "" = defaults, like NULL
  const std::string req = two_reports_request();

  doichieu_result* raw = nullptr;
  CHECK(doichieu_check(nullptr, req.data(), req.size(), &raw) == DOICHIEU_E_USAGE);
  result_ptr r1(raw);
  CHECK(std::string(doichieu_result_error(r1.get())) == "engine is NULL");

  CHECK(doichieu_check(e.get(), nullptr, 10, &raw) == DOICHIEU_E_USAGE);
  result_ptr r2(raw);
  CHECK(std::string(doichieu_result_error(r2.get())) == "request is NULL");

  CHECK(doichieu_check(e.get(), req.data(), req.size(), nullptr) == DOICHIEU_E_USAGE);
  CHECK(doichieu_extract(e.get(), req.data(), req.size(), nullptr) == DOICHIEU_E_USAGE);

  std::size_t len = 99;
  CHECK(std::string(doichieu_result_json(nullptr, &len)).empty());
  CHECK(len == 0);
  CHECK(doichieu_result_json(nullptr, nullptr) != nullptr);
  CHECK(std::string(doichieu_result_error(nullptr)) == "result is NULL");
  CHECK(doichieu_result_status(nullptr) == DOICHIEU_E_USAGE);
  CHECK(std::string(doichieu_engine_error(nullptr)) == "engine is NULL");
  doichieu_result_destroy(nullptr);
  doichieu_engine_destroy(nullptr);
}

TEST_CASE("engine options: bad ones fail create with a handle that says why", "[capi][bad-input]") {
  struct bad_case {
    const char* options;
    int status;
    const char* in_message;
  };
  const bad_case cases[] = {
      {R"({"data_dir": "/nonexistent/doichieu"})", DOICHIEU_E_BAD_CONFIG, "/nonexistent/doichieu"},
      {R"({"data_dri": "/usr"})", DOICHIEU_E_BAD_CONFIG, "allowed: data_dir, disabled_rules, max_request_bytes"},
      {R"({"disabled_rules": ["NO_SUCH_RULE"]})", DOICHIEU_E_BAD_CONFIG, "NO_SUCH_RULE"},
      {R"({"max_request_bytes": -1})", DOICHIEU_E_BAD_CONFIG, "positive integer"},
      {"{data_dir:", DOICHIEU_E_BAD_JSON, "JSON object"},
      {"\xff\xfe", DOICHIEU_E_INVALID_UTF8, "byte 0"},
  };
  for (const auto& c : cases) {
    INFO(c.options);
    doichieu_engine* raw = nullptr;
    const int rc = doichieu_engine_create(c.options, &raw);
    engine_ptr e(raw);
    REQUIRE(e != nullptr);
    CHECK(rc == c.status);
    const std::string message = doichieu_engine_error(e.get());
    INFO(message);
    CHECK(message.find(c.in_message) != std::string::npos);
    // A failed engine refuses work with its own status, not a crash.
    const auto out = call(e.get(), two_reports_request());
    CHECK(out.status == c.status);
    CHECK(out.json.empty());
    CHECK(out.error.find("the engine failed to load") != std::string::npos);
  }
}

TEST_CASE("bad requests: status and message, never a crash", "[capi][bad-input]") {
  auto e = make_engine();
  struct bad_case {
    std::string request;
    int status;
    const char* in_message;
  };
  using namespace std::string_literals;
  const bad_case cases[] = {
      {"", DOICHIEU_E_BAD_JSON, "not valid JSON"},
      {R"({"reports": [)", DOICHIEU_E_BAD_JSON, "byte"},
      {R"({"reports": [{"id": "a", "text": "tổng 5 tỉ đồng"}]} trailing)", DOICHIEU_E_BAD_JSON, "not valid JSON"},
      {"{\"reports\": [{\"id\": \"a\", \"text\": \"ng\xC3\x28n\"}]}", DOICHIEU_E_INVALID_UTF8, "byte 36"},
      {"{\"reports\": [{\"id\": \"a\", \"text\": \"\xED\xA0\x80\"}]}", DOICHIEU_E_INVALID_UTF8, "byte 34"},
      {R"({"reports": [{"id": "a", "text": "\ud800"}]})", DOICHIEU_E_BAD_JSON, "surrogate"},
      {"[1, 2]", DOICHIEU_E_USAGE, "JSON object"},
      {R"({})", DOICHIEU_E_USAGE, "no \"reports\""},
      {R"({"reports": []})", DOICHIEU_E_USAGE, "empty"},
      {R"({"reports": {"id": "a"}})", DOICHIEU_E_USAGE, "must be an array"},
      {R"({"reports": ["text"]})", DOICHIEU_E_USAGE, "reports[0] must be an object"},
      {R"({"reports": [{"id": "a"}]})", DOICHIEU_E_USAGE, "has no \"text\""},
      {R"({"reports": [{"id": "a", "text": 5}]})", DOICHIEU_E_USAGE, "reports[0].text must be a string"},
      {R"({"reports": [{"id": "a", "txt": "x"}]})", DOICHIEU_E_USAGE, "allowed: path, id, text, published"},
      {R"({"reports": [{"id": "a", "path": "b", "text": "x"}]})", DOICHIEU_E_USAGE, "both"},
      {R"({"reports": [{"id": "a", "text": "x", "published": "hôm qua"}]})", DOICHIEU_E_USAGE, "ISO date"},
      {R"({"reports": [{"id": "a", "text": "x"}], "format": "sarif"})", DOICHIEU_E_USAGE, "allowed: reports"},
      {R"({"reports": [{"id": "a", "text": "Tổng\u0000 450 tỉ đồng"}]})", DOICHIEU_E_BINARY_INPUT, "a"},
      // The length is what counts, not a terminator: a NUL byte inside the buffer is just a bad byte.
      {"{\"reports\": []}\0 junk"s, DOICHIEU_E_BAD_JSON, "byte 15"},
  };
  for (const auto& c : cases) {
    INFO(c.request);
    for (bool extract : {false, true}) {
      const auto out = call(e.get(), c.request, extract);
      INFO(out.error);
      CHECK(out.status == c.status);
      CHECK(out.json.empty());
      CHECK_FALSE(out.error.empty());
      CHECK(out.error.find(c.in_message) != std::string::npos);
    }
  }
}

TEST_CASE("a 50 MB payload is refused as too large, quickly and without a copy", "[capi][bad-input]") {
  auto e = make_engine();
  json req;
  req["reports"] = json::array({{{"id", "big"}, {"text", std::string(50u * 1024u * 1024u, 'a')}}});
  const std::string body = req.dump();
  REQUIRE(body.size() > 50u * 1024u * 1024u);
  const auto out = call(e.get(), body);
  CHECK(out.status == DOICHIEU_E_TOO_LARGE);
  CHECK(out.error.find("the limit is 16777216") != std::string::npos);

  // 50 MB of garbage (not UTF-8, not JSON) is refused the same way, before it is looked at.
  const std::string garbage(50u * 1024u * 1024u, '\xff');
  CHECK(call(e.get(), garbage).status == DOICHIEU_E_TOO_LARGE);

  // The limit is an engine option: a small one makes a normal request too large.
  auto small = make_engine(R"({"max_request_bytes": 100})");
  const auto refused = call(small.get(), two_reports_request());
  CHECK(refused.status == DOICHIEU_E_TOO_LARGE);
  CHECK(refused.error.find("the limit is 100") != std::string::npos);
}
