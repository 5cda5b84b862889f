// Golden files: tests/golden/<case>/ holds the input reports (or an `inputs` file naming them, one path per
// line relative to the source tree) and expected.{txt,json,sarif,github,rdjsonl,html}: the exact output of
// `doichieu check --no-config --color never --format F <inputs>` run from the source directory, so no
// machine-specific path can leak in. A case may add `args` (extra options, one line).
//
// Regenerate after an intended change:  DOICHIEU_UPDATE_GOLDEN=1 ctest -R golden_test   (then review the diff)
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using doichieu::testing::read_file;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;

namespace {

const fs::path source_dir = DOICHIEU_SOURCE_DIR;

struct format_case {
  const char* format;
  const char* extension;
};
constexpr format_case formats[] = {{"text", "txt"},     {"json", "json"},       {"sarif", "sarif"},
                                   {"github", "github"}, {"rdjsonl", "rdjsonl"}, {"html", "html"}};

std::vector<std::string> inputs_of(const fs::path& dir) {
  std::vector<std::string> out;
  if (fs::exists(dir / "inputs")) {
    std::istringstream in(read_file(dir / "inputs"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
  }
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("expected.", 0) == 0 || name == "args" || name == "inputs") continue;
    out.push_back(fs::relative(e.path(), source_dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs the CLI from the source directory; returns stdout and the exit status.
std::pair<std::string, int> run_in_source(const std::string& args) {
  auto dir = doichieu::testing::scratch_dir("golden");
  std::string cmd = "cd " + shell_quote(source_dir.string()) + " && " + std::string(DOICHIEU_CLI) + " " + args +
                    " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string());
  int raw = std::system(cmd.c_str());
  std::string out = read_file(dir / "out");
  std::string err = read_file(dir / "err");
  fs::remove_all(dir);
  int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (status != 0 && status != 1) FAIL("doichieu " << args << " exited " << status << ": " << err);
  return {out, status};
}

}  // namespace

TEST_CASE("golden outputs of every format on every case") {
  const fs::path root = source_dir / "tests" / "golden";
  REQUIRE(fs::is_directory(root));
  const bool update = std::getenv("DOICHIEU_UPDATE_GOLDEN") && std::string(std::getenv("DOICHIEU_UPDATE_GOLDEN")) == "1";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 2);
  for (const auto& dir : cases) {
    const auto inputs = inputs_of(dir);
    REQUIRE_FALSE(inputs.empty());
    std::string args = "check --no-config --color never";
    if (fs::exists(dir / "args")) {
      std::string extra = read_file(dir / "args");
      extra.erase(std::remove(extra.begin(), extra.end(), '\n'), extra.end());
      args += " " + extra;
    }
    for (const auto& in : inputs) args += " " + shell_quote(in);
    for (const auto& f : formats) {
      const fs::path expected_path = dir / (std::string("expected.") + f.extension);
      auto [out, status] = run_in_source(args + " --format " + f.format);
      (void)status;
      INFO("case " << dir.filename().string() << ", format " << f.format
                   << " (DOICHIEU_UPDATE_GOLDEN=1 regenerates; review the diff)");
      // Golden files must be portable: no absolute path of this machine.
      CHECK(out.find(source_dir.string()) == std::string::npos);
      if (update) {
        write_file(expected_path, out);
        continue;
      }
      REQUIRE(fs::exists(expected_path));
      CHECK(out == read_file(expected_path));
    }
  }
}

TEST_CASE("the planted discrepancy is found in Markdown and HTML at the original line and column") {
  auto [out, status] = run_in_source("check --no-config --color never --format json tests/golden/planted-md-html");
  CHECK(status == 1);
  // 150 in the HTML report sits on line 9 of bao-b.html, right after "ngân sách thành phố ".
  const std::string html = read_file(source_dir / "tests/golden/planted-md-html/bao-b.html");
  const std::size_t at = html.find("150 tỉ&nbsp;đồng");
  REQUIRE(at != std::string::npos);
  CHECK(out.find("\"start\": " + std::to_string(at) + ",") != std::string::npos);
  CHECK(out.find("\"end\": " + std::to_string(at + std::string("150 tỉ&nbsp;đồng").size()) + ",") != std::string::npos);
  // 120 in the Markdown report: line 6, after the soft line break inside the paragraph.
  const std::string md = read_file(source_dir / "tests/golden/planted-md-html/bao-a.md");
  const std::size_t md_at = md.find("120 tỉ đồng");
  CHECK(out.find("\"start\": " + std::to_string(md_at) + ",") != std::string::npos);
  // Text inside code blocks, <pre> and <script> is never read.
  CHECK(out.find("999") == std::string::npos);
  CHECK(out.find("\"7 tỉ") == std::string::npos);
}
