// One engine handle, 8 threads calling the C ABI at once: every call must give the same bytes as a call
// made alone, good requests and bad ones interleaved (the per-result error message must not leak between
// threads, which a global "last error" would).
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <doichieu/doichieu.h>

namespace {

struct outcome {
  int status = 0;
  std::string json;
  std::string error;
  bool operator==(const outcome&) const = default;
};

outcome run(const doichieu_engine* e, const std::string& request, bool extract) {
  doichieu_result* r = nullptr;
  const int rc = extract ? doichieu_extract(e, request.data(), request.size(), &r)
                         : doichieu_check(e, request.data(), request.size(), &r);
  outcome out{rc, doichieu_result_json(r, nullptr), doichieu_result_error(r)};
  doichieu_result_destroy(r);
  return out;
}

}  // namespace

TEST_CASE("8 threads share one engine through the C ABI", "[capi][threads]") {
  doichieu_engine* e = nullptr;
  REQUIRE(doichieu_engine_create(nullptr, &e) == DOICHIEU_OK);

  // Our own sentences: two reports of one event, the second with a part that breaks the total.
  const std::vector<std::string> requests = {
      R"({"reports": [{"id": "a", "text": "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, ngân sách tỉnh 150 tỉ đồng."},)"
      R"({"id": "b", "text": "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, ngân sách tỉnh 120 tỉ đồng."}]})",
      R"({"reports": [{"id": "c", "text": "Ngày 12/3/2024, tỉnh khởi công dự án có tổng vốn 1.049 tỷ đồng, gồm vốn ngân sách 1.000 tỷ đồng và vốn xã hội hóa 48,8 tỷ đồng."}]})",
      R"({"reports": [{"id": "d", "text": "thiếu ngoặc"})",
      "{\"reports\": [{\"id\": \"e\", \"text\": \"\xC3\x28\"}]}",
      R"({"reports": [{"id": "f"}]})",
  };
  std::vector<outcome> expected_check, expected_extract;
  for (const auto& r : requests) {
    expected_check.push_back(run(e, r, false));
    expected_extract.push_back(run(e, r, true));
  }
  REQUIRE(expected_check[0].status == DOICHIEU_OK);
  REQUIRE(expected_check[0].json.find("TOTAL_EQUALS_PARTS") != std::string::npos);
  REQUIRE(expected_check[1].status == DOICHIEU_OK);
  REQUIRE(expected_check[2].status == DOICHIEU_E_BAD_JSON);
  REQUIRE(expected_check[3].status == DOICHIEU_E_INVALID_UTF8);
  REQUIRE(expected_check[4].status == DOICHIEU_E_USAGE);

  constexpr int thread_count = 8;
  constexpr int rounds = 12;
  std::atomic<int> mismatches{0}, calls{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();  // start together to maximise overlap
      for (int i = 0; i < rounds; ++i) {
        const std::size_t k = static_cast<std::size_t>(t + i) % requests.size();
        const bool extract = (t + i) % 3 == 0;
        if (!(run(e, requests[k], extract) == (extract ? expected_extract[k] : expected_check[k]))) ++mismatches;
        ++calls;
      }
    });
  }
  go = true;
  for (auto& th : threads) th.join();
  CHECK(calls == thread_count * rounds);
  CHECK(mismatches == 0);
  doichieu_engine_destroy(e);
}
