// Golden files: tests/golden/<case>/ holds the input reports (or an `inputs` file naming them, one path per
// line relative to the source tree) and expected.{txt,json,sarif,github,rdjsonl,html}: the exact output of
// `doichieu check --no-config --color never --format F <inputs>` run from the source directory, so no
// machine-specific path can leak in. A case may add `args` (extra options, one line).
//
// Regenerate after an intended change:  DOICHIEU_UPDATE_GOLDEN=1 ctest -R golden_test   (then review the diff)
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

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

namespace {
// Runs the CLI in `dir` with optional stdin; returns {stdout, stderr, status}.
struct run_out {
  std::string out, err;
  int status;
};
run_out run_in(const fs::path& dir, const std::string& args, const std::string& stdin_bytes = {}) {
  auto tmp = doichieu::testing::scratch_dir("e2e");
  write_file(tmp / "in", stdin_bytes);
  std::string cmd = "cd " + shell_quote(dir.string()) + " && " + std::string(DOICHIEU_CLI) + " " + args + " <" +
                    shell_quote((tmp / "in").string()) + " >" + shell_quote((tmp / "out").string()) + " 2>" +
                    shell_quote((tmp / "err").string());
  int raw = std::system(cmd.c_str());
  run_out r{read_file(tmp / "out"), read_file(tmp / "err"), WIFEXITED(raw) ? WEXITSTATUS(raw) : -1};
  fs::remove_all(tmp);
  return r;
}
const char* report_a = "Sáng 12/5, cầu Rạch Sỏi được khánh thành. Công trình có tổng mức đầu tư 420 tỉ đồng, trong đó "
                       "ngân sách trung ương 300 tỉ đồng, ngân sách thành phố 120 tỉ đồng.\n";
const char* report_b = "Ngày 12/5, cầu Rạch Sỏi được khánh thành. Dự án có tổng mức đầu tư 420 tỉ đồng, trong đó "
                       "ngân sách trung ương 300 tỉ đồng, ngân sách thành phố 150 tỉ đồng.\n";
}  // namespace

TEST_CASE("JSON Lines: one check per event, articles of other events never compared") {
  auto dir = doichieu::testing::scratch_dir("jsonl-events");
  nlohmann::json a = {{"id", "a"}, {"text", report_a}, {"event", "cau"}};
  nlohmann::json b = {{"id", "b"}, {"html", std::string("<p>") + report_b + "</p>"}, {"event", "cau"}};
  nlohmann::json c = {{"id", "c"}, {"text", report_a}, {"event", "khac"}};
  nlohmann::json d = {{"id", "d"}, {"text", report_a}, {"event", "khac"}};
  write_file(dir / "tin.jsonl", a.dump() + "\n" + b.dump() + "\n" + c.dump() + "\n" + d.dump() + "\n");
  auto r = run_in(dir, "check --no-config --format json tin.jsonl");
  REQUIRE(r.status == 1);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 4);
  bool cross = false;
  for (const auto& f : j["findings"]) {
    std::set<std::string> docs;
    for (const auto& l : f["locations"]) docs.insert(l["document"].get<std::string>());
    CHECK_FALSE((docs.count("tin.jsonl#a") && docs.count("tin.jsonl#c")));
    if (docs.count("tin.jsonl#a") && docs.count("tin.jsonl#b")) cross = true;
  }
  CHECK(cross);  // 120 vs 150 inside the event "cau"
  fs::remove_all(dir);
}

TEST_CASE("stdin, -o written atomically, .doichieu.json found upwards, suppressions listed") {
  auto dir = doichieu::testing::scratch_dir("e2e-config");
  fs::create_directories(dir / "tin");
  write_file(dir / "tin" / "a.txt", report_a);
  write_file(dir / "tin" / "b.md",
             std::string("# Cầu\n\n<!-- doichieu-disable-next-line TOTAL_EQUALS_PARTS: số liệu làm tròn -->\n") +
                 report_b);
  // stdin is a report like any other.
  auto s = run_in(dir, "check --no-config --format json tin/a.txt -", report_b);
  CHECK(s.status == 1);
  CHECK(s.out.find("\"<stdin>\"") != std::string::npos);

  // Without configuration: the sum and the cross-report figure both fail; the suppression silences the sum.
  auto plain = run_in(dir, "check --no-config --format json tin");
  auto pj = nlohmann::json::parse(plain.out);
  std::set<std::string> rules;
  for (const auto& f : pj["findings"]) rules.insert(f["rule"].get<std::string>());
  CHECK(rules.count("SAME_FIGURE_ACROSS_REPORTS"));
  CHECK_FALSE(rules.count("TOTAL_EQUALS_PARTS"));
  auto listed = run_in(dir, "check --no-config --list-suppressions tin");
  CHECK(listed.status == 0);
  CHECK(listed.out.find("tin/b.md:3:1: disable-next-line TOTAL_EQUALS_PARTS: số liệu làm tròn (1 finding silenced)") !=
        std::string::npos);

  // The configuration downgrades the figure rule: exit 0 at the default fail level, 1 at warning.
  write_file(dir / ".doichieu.json", R"({"rules": {"SAME_FIGURE_ACROSS_REPORTS": "warning"}, "format": "json"})");
  auto cfg = run_in(dir, "check -o out/report.json tin");
  CHECK(cfg.status == 2);  // out/ does not exist: an error naming the file, and no partial file left
  CHECK(cfg.err.find("out/report.json") != std::string::npos);
  fs::create_directories(dir / "out");
  cfg = run_in(dir, "check -o out/report.json tin");
  CHECK(cfg.status == 0);
  CHECK(cfg.out.empty());
  auto written = nlohmann::json::parse(read_file(dir / "out" / "report.json"));
  for (const auto& f : written["findings"]) CHECK(f["severity"] == "warning");
  std::size_t entries = 0;
  for (auto& e : fs::directory_iterator(dir / "out")) entries += e.is_regular_file();
  CHECK(entries == 1);  // the temporary file was renamed, not left behind
  CHECK(run_in(dir, "check --fail-level warning tin").status == 1);

  write_file(dir / ".doichieu.json", "{\n  \"rulez\": {}\n}");
  auto bad = run_in(dir, "check tin");
  CHECK(bad.status == 2);
  CHECK(bad.err.find(".doichieu.json:2:3: unknown key \"rulez\" (allowed: rules,") != std::string::npos);
  CHECK(bad.err.find("byte") == std::string::npos);
  fs::remove_all(dir);
}
