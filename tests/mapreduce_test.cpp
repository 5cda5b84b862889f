// The map/reduce example (checker/examples/mapreduce/run_local.sh) against one `check --corpus` run:
// tests/mapreduce_local.py streams the first 8 events of shared/corpus/clusters through both and requires the
// same events and the same findings. The map step is `extract --jsonl --signature`, the grouping step
// `check --corpus --events-only --from-signatures`, the reduce step `check --corpus` per event key.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>

#include "cli_support.hpp"

using doichieu::testing::run_command;

TEST_CASE("map/reduce on one machine finds the events and findings of check --corpus", "[corpus][mapreduce]") {
  const std::string shared = DOICHIEU_SHARED_DIR;
  if (!std::filesystem::exists(shared + "/corpus/clusters/index.jsonl")) {
    WARN("shared/corpus/clusters not present; skipping the map/reduce comparison");
    return;
  }
  int status = 0;
  const std::string out = run_command("python3 " + std::string(DOICHIEU_SOURCE_DIR) + "/tests/mapreduce_local.py " +
                                  DOICHIEU_CLI + " " + shared + " " + DOICHIEU_SOURCE_DIR + " --clusters 8 --jobs 2 2>&1",
                              status);
  INFO(out);
  CHECK(out.find("map/reduce (2 parts)") != std::string::npos);
  CHECK(status == 0);
}

TEST_CASE("the grouping step reads only map output with signatures, and says what is wrong", "[corpus][mapreduce]") {
  using doichieu::testing::run_cli;
  auto r = run_cli("check --corpus --events-only --from-signatures -", "{\"id\": \"a\", \"facts\": []}\n");
  CHECK(r.status == 2);
  CHECK(r.err.find("<stdin>:1:1: no \"signature\" (run the map step with extract --jsonl --signature)") != std::string::npos);
  r = run_cli("check --corpus --events-only --from-signatures -",
              "{\"id\": \"a\", \"signature\": {\"strong\": [5, 3]}}\n");
  CHECK(r.status == 2);
  CHECK(r.err.find("\"strong\" must be sorted and unique") != std::string::npos);
  r = run_cli("check --corpus --from-signatures -", "");
  CHECK(r.status == 2);
  CHECK(r.err.find("--from-signatures needs --events-only") != std::string::npos);
  // Two articles whose signatures share their keys are one event; a third with other keys is its own.
  const std::string text_a = "Cầu Rạch Miễu 2 dài 17 km được khởi công tại Bến Tre với vốn 6.810 tỉ đồng.";
  const std::string text_b = "Bến Tre khởi công cầu Rạch Miễu 2 dài 17 km, tổng vốn 6.810 tỉ đồng.";
  const std::string text_c = "Hội nghị Trung ương 8 khai mạc tại Hà Nội với 200 đại biểu.";
  auto mapped = run_cli("extract --jsonl --signature",
                        "{\"id\":\"a\",\"published\":\"2024-01-01\",\"text\":\"" + text_a + "\"}\n" +
                            "{\"id\":\"b\",\"published\":\"2024-01-02\",\"text\":\"" + text_b + "\"}\n" +
                            "{\"id\":\"c\",\"published\":\"2024-01-02\",\"text\":\"" + text_c + "\"}\n");
  REQUIRE(mapped.status == 0);
  CHECK(mapped.out.find("\"signature\":{\"day\":19723,\"strong\":[") != std::string::npos);
  auto grouped = run_cli("check --corpus --events-only --from-signatures -", mapped.out);
  INFO(mapped.out + grouped.err);
  REQUIRE(grouped.status == 0);
  CHECK(grouped.out.find("auto-1 (auto): 2 articles\n  a\t2024-01-01") != std::string::npos);
  CHECK(grouped.out.find("auto-2 (auto): 1 article\n  c\t2024-01-02") != std::string::npos);
}
