// Same input, same bytes out: every format of check and extract is run twice on the seeds and on the
// examples in checker/examples, and the outputs must be byte-identical. Unordered containers, pointer-keyed
// sorting, timestamps or thread timing leaking into output would make review diffs and golden files flaky.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "cli_support.hpp"

using doichieu::testing::run_cli;
using doichieu::testing::scratch_dir;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const fs::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string quoted(const std::vector<std::string>& files) {
  std::string s;
  for (const auto& f : files) s += " " + shell_quote(f);
  return s;
}

// Runs the command twice; both runs must end normally with the same status and identical stdout.
void same_twice(const std::string& args, const std::string& stdin_bytes = {}) {
  auto first = run_cli(args, stdin_bytes);
  auto second = run_cli(args, stdin_bytes);
  INFO(args << "\n" << first.err);
  REQUIRE((first.status == 0 || first.status == 1));
  CHECK(first.status == second.status);
  CHECK_FALSE(first.out.empty());
  CHECK(first.out.size() == second.out.size());
  CHECK(first.out == second.out);
  CHECK(first.err == second.err);
}

const std::vector<std::string>& seeds() {
  static const auto s = files_in(fs::path(DOICHIEU_SHARED_DIR) / "seeds", ".txt");
  return s;
}

const std::vector<std::string>& examples() {
  static const auto e = files_in(fs::path(DOICHIEU_SOURCE_DIR) / "checker" / "examples" / "tru-so-cong-an", ".txt");
  return e;
}

}  // namespace

TEST_CASE("check gives byte-identical output twice in every format") {
  REQUIRE(seeds().size() == 5);
  REQUIRE(examples().size() >= 3);
  for (const char* format : {"text", "json", "sarif", "github", "rdjsonl", "html"}) {
    SECTION(format) {
      same_twice(std::string("check --no-config --color never --format ") + format + quoted(seeds()));
      same_twice(std::string("check --no-config --color never --format ") + format + quoted(examples()));
    }
  }
}

TEST_CASE("check gives the same findings whatever the order of inputs is built in memory") {
  // One report at a time, then the Quảng Ninh cluster (000-002) that does produce cross-report checks.
  for (const auto& s : seeds()) same_twice("check --no-config --format json " + shell_quote(s));
  std::vector<std::string> cluster(seeds().begin(), seeds().begin() + 3);
  same_twice("check --no-config --format json" + quoted(cluster));
}

TEST_CASE("extract gives byte-identical output twice, files and JSON Lines") {
  same_twice("extract --no-config --format json" + quoted(seeds()));
  same_twice("extract --no-config --format json" + quoted(examples()));
  same_twice("extract --no-config --format text" + quoted(seeds()));
  // The streaming path: the seeds as one JSON Lines stream on stdin.
  std::string stream;
  for (const auto& s : seeds()) {
    nlohmann::json line = {{"id", fs::path(s).filename().string()}, {"text", doichieu::testing::read_file(s)}};
    stream += line.dump() + "\n";
  }
  same_twice("extract --jsonl", stream);
  // And as a .jsonl file given to check.
  auto dir = scratch_dir("determinism");
  write_file(dir / "seeds.jsonl", stream);
  same_twice("check --no-config --format json " + shell_quote((dir / "seeds.jsonl").string()));
  fs::remove_all(dir);
}
