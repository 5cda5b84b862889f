// End-to-end tests of the CI/CMS workflow options (issue #5): tolerances in .doichieu.json,
// --changed-since in a real git repository, and stdin read as Markdown/HTML/JSON Lines.
// The report sentences are our own.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using doichieu::testing::run_cli;
using doichieu::testing::scratch_dir;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;

namespace {

// A hedged figure and an exact one 8 % above it: inside the default ± 10 % of "khoảng", outside ± 5 %.
const std::string hedged = "Tỉnh sẽ tuyển thêm khoảng 1.000 giáo viên cho các trường vùng cao.\n";
const std::string exact = "Tỉnh sẽ tuyển thêm 1.080 giáo viên cho các trường vùng cao.\n";

std::string check_in(const fs::path& dir, const std::string& args) {
  return "check " + args + " " + shell_quote((dir / "a.txt").string()) + " " + shell_quote((dir / "b.txt").string());
}

}  // namespace

TEST_CASE("a tolerance in .doichieu.json changes a verdict; bad tolerances are errors naming the key") {
  auto dir = scratch_dir("tolerance");
  write_file(dir / "a.txt", hedged);
  write_file(dir / "b.txt", exact);

  SECTION("default: 1.080 is within khoảng 1.000 (± 10 %), the pair passes") {
    auto r = run_cli(check_in(dir, "--format json"));
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["findings"].empty());
    bool passed_pair = false;
    for (const auto& c : j["checks"]) passed_pair |= c["rule"] == "SAME_FIGURE_ACROSS_REPORTS";
    CHECK(passed_pair);
  }
  SECTION("about = 0.05 (± 5 %): the same pair is a discrepancy at the exact figure") {
    write_file(dir / ".doichieu.json", R"({"tolerances": {"about": 0.05}})");
    auto r = run_cli(check_in(dir, "--format json"));
    REQUIRE(r.status == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["rule"] == "SAME_FIGURE_ACROSS_REPORTS");
    auto text = run_cli(check_in(dir, "--format text"));
    CHECK(text.out.find("b.txt:1:20: error:") != std::string::npos);
  }
  SECTION("about = 0.1 written out gives the default verdict back") {
    write_file(dir / ".doichieu.json", R"({"tolerances": {"about": 0.1, "rounding": 0.005}})");
    CHECK(run_cli(check_in(dir, "")).status == 0);
  }
  SECTION("an unknown tolerance lists the allowed names, with the line of the key") {
    write_file(dir / ".doichieu.json", "{\n  \"tolerances\": {\n    \"abut\": 0.05\n  }\n}\n");
    auto r = run_cli(check_in(dir, ""));
    CHECK(r.status == 2);
    CHECK(r.err.find(".doichieu.json:3:") != std::string::npos);
    CHECK(r.err.find("unknown tolerance \"abut\"") != std::string::npos);
    CHECK(r.err.find("rounding, about, ratio, share_points, shares_sum_points") != std::string::npos);
  }
  SECTION("a value out of range names the key and the range") {
    write_file(dir / ".doichieu.json", R"({"tolerances": {"about": 2}})");
    auto r = run_cli(check_in(dir, ""));
    CHECK(r.status == 2);
    CHECK(r.err.find("tolerance \"about\": 2 is out of range (allowed: 0 to 0.5") != std::string::npos);
    write_file(dir / ".doichieu.json", R"({"tolerances": {"ratio": -0.1}})");
    CHECK(run_cli(check_in(dir, "")).err.find("tolerance \"ratio\": -0.1 is out of range") != std::string::npos);
    write_file(dir / ".doichieu.json", R"({"tolerances": {"about": "5%"}})");
    CHECK(run_cli(check_in(dir, "")).err.find("tolerance \"about\" must be a number") != std::string::npos);
    write_file(dir / ".doichieu.json", R"({"tolerances": [0.05]})");
    CHECK(run_cli(check_in(dir, "")).err.find("\"tolerances\" must map names") != std::string::npos);
  }
  fs::remove_all(dir);
}

namespace {

// Runs a command in `dir` through the shell, for git.
int sh(const fs::path& dir, const std::string& cmd) {
  return std::system(("cd " + shell_quote(dir.string()) + " && " + cmd + " >/dev/null 2>&1").c_str());
}

std::string article(const std::string& id, const std::string& event, const std::string& text) {
  return nlohmann::json{{"id", id}, {"event", event}, {"text", text}}.dump() + "\n";
}

// The document paths a JSON report checked.
std::vector<std::string> documents_of(const std::string& json_report) {
  std::vector<std::string> out;
  const auto report = nlohmann::json::parse(json_report);  // named: a range-for over a temporary's member dangles
  for (const auto& d : report["documents"]) out.push_back(d["path"].get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("changed-since: checks the changed inputs and the other reports of their events only") {
  REQUIRE(std::system("git --version >/dev/null 2>&1") == 0);  // CI installs git; the test needs it
  auto repo = scratch_dir("changed-since");
  REQUIRE(sh(repo, "git init -q . && git config user.email t@example.org && git config user.name test") == 0);
  // Two events over three JSON Lines files: the storm is reported in storm.jsonl and storm-late.jsonl.
  write_file(repo / "storm.jsonl",
             article("s1", "storm", "Cơn bão làm 12 ngôi nhà bị tốc mái tại huyện ven biển.") +
                 article("s2", "storm", "Cơn bão làm 12 ngôi nhà bị tốc mái tại huyện ven biển, chính quyền cho biết."));
  write_file(repo / "storm-late.jsonl", article("s3", "storm", "Cơn bão làm 12 ngôi nhà bị tốc mái tại huyện ven biển."));
  write_file(repo / "bridge.jsonl",
             article("b1", "bridge", "Cây cầu mới dài 450 m được thông xe sáng nay.") +
                 article("b2", "bridge", "Cây cầu mới dài 450 m được thông xe."));
  REQUIRE(sh(repo, "git add . && git commit -q -m first") == 0);
  const std::string inputs = shell_quote((repo / "storm.jsonl").string()) + " " +
                             shell_quote((repo / "storm-late.jsonl").string()) + " " +
                             shell_quote((repo / "bridge.jsonl").string());

  SECTION("nothing changed: nothing is checked, exit 0") {
    auto r = run_cli("check --no-config --format json --changed-since HEAD " + inputs);
    CHECK(r.status == 0);
    CHECK(documents_of(r.out).empty());
  }
  SECTION("a changed report is checked with the unchanged reports of its event, and the other event is not") {
    write_file(repo / "storm-late.jsonl", article("s3", "storm", "Cơn bão làm 21 ngôi nhà bị tốc mái tại huyện ven biển."));
    auto r = run_cli("check --no-config --format json --verbose --changed-since HEAD " + inputs);
    INFO(r.err + r.out.substr(0, 300));
    CHECK(r.status == 1);  // 21 against 12 in the unchanged storm reports
    auto docs = documents_of(r.out);
    REQUIRE(docs.size() == 3);
    for (const auto& d : docs) CHECK(d.find("storm") != std::string::npos);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE_FALSE(j["findings"].empty());
    CHECK(j["findings"][0]["rule"] == "SAME_FIGURE_ACROSS_REPORTS");
    CHECK(r.err.find("skipped " + (repo / "bridge.jsonl").string()) != std::string::npos);
    // Committed changes count too: since the first commit, not since HEAD.
    REQUIRE(sh(repo, "git commit -q -am second") == 0);
    CHECK(documents_of(run_cli("check --no-config --format json --changed-since HEAD " + inputs).out).empty());
    CHECK(documents_of(run_cli("check --no-config --format json --changed-since HEAD~1 " + inputs).out).size() == 3);
  }
  SECTION("an untracked new file is changed; plain files form one event, so all of them are checked") {
    write_file(repo / "a.txt", hedged);
    write_file(repo / "b.txt", exact);
    REQUIRE(sh(repo, "git add a.txt b.txt && git commit -q -m texts") == 0);
    write_file(repo / "c.txt", "Tỉnh sẽ tuyển thêm 1.500 giáo viên cho các trường vùng cao.\n");
    auto r = run_cli("check --no-config --format json --changed-since HEAD " + shell_quote((repo / "a.txt").string()) +
                     " " + shell_quote((repo / "b.txt").string()) + " " + shell_quote((repo / "c.txt").string()) + " " +
                     inputs);
    CHECK(r.status == 1);
    auto docs = documents_of(r.out);
    CHECK(docs.size() == 3);
    for (const auto& d : docs) CHECK(d.find(".txt") != std::string::npos);
  }
  SECTION("an unknown revision and a directory outside git are clear errors") {
    auto r = run_cli("check --no-config --changed-since no-such-rev " + inputs);
    CHECK(r.status == 2);
    CHECK(r.err.find("git does not know revision 'no-such-rev'") != std::string::npos);
    auto outside = scratch_dir("not-git");
    write_file(outside / "a.txt", hedged);
    // The scratch directory is under the system temp directory, which is not inside a git work tree.
    if (sh(outside, "git rev-parse --show-toplevel") != 0) {
      r = run_cli("check --no-config --changed-since HEAD " + shell_quote((outside / "a.txt").string()));
      CHECK(r.status == 2);
      CHECK(r.err.find("is not inside a git work tree") != std::string::npos);
    }
    fs::remove_all(outside);
  }
  fs::remove_all(repo);
}

TEST_CASE("stdin-format: reads Markdown, HTML and JSON Lines from standard input; positions are in the stdin bytes") {
  SECTION("Markdown: the heading and code are not report text; the finding is on line 3 of stdin") {
    const std::string md = "# Tuyển giáo viên\n\n" + exact + "\n```\nkhoảng 9.999 giáo viên\n```\n";
    auto dir = scratch_dir("stdin-md");
    write_file(dir / "a.txt", "Tỉnh sẽ tuyển thêm 1.000 giáo viên cho các trường vùng cao.\n");
    auto r = run_cli("check --no-config --color never --stdin-format md " + shell_quote((dir / "a.txt").string()) + " -", md);
    CHECK(r.status == 1);
    CHECK(r.out.find("<stdin>:3:20: error:") != std::string::npos);
    CHECK(r.out.find("9.999") == std::string::npos);
    fs::remove_all(dir);
  }
  SECTION("HTML: body text only, columns counted in the original line") {
    const std::string html = "<html><head><script>var n = '5.000 giáo viên';</script></head><body>\n<p>" + exact.substr(0, exact.size() - 1) + "</p>\n</body></html>\n";
    auto r = run_cli("extract --no-config --format json --stdin-format html -", html);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["facts"].size() == 1);
    CHECK(j["facts"][0]["text"] == "1.080 giáo viên");
    CHECK(j["facts"][0]["line"] == 2);
    CHECK(j["facts"][0]["column"] == 23);
    CHECK(html.substr(j["facts"][0]["start"].get<std::size_t>(), 5) == "1.080");
  }
  SECTION("JSON Lines: events from stdin are checked separately") {
    const std::string lines = article("x1", "teachers", hedged) + article("x2", "teachers", "Tỉnh sẽ tuyển thêm 1.500 giáo viên cho các trường vùng cao.") +
                              article("y1", "bridge", "Cây cầu mới dài 450 m được thông xe.");
    auto r = run_cli("check --no-config --format json --stdin-format jsonl -", lines);
    CHECK(r.status == 1);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["documents"].size() == 3);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["locations"][0]["document"].get<std::string>().find("x2") != std::string::npos);
  }
  SECTION("text stays the default, and an unknown format lists the allowed ones") {
    auto r = run_cli("extract --no-config --format json -", "<p>" + exact + "</p>");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["facts"][0]["column"] == 23);
    r = run_cli("extract --no-config --stdin-format docx -", exact);
    CHECK(r.status == 2);
    CHECK(r.err.find("unknown --stdin-format 'docx' (allowed: txt, md, html, jsonl)") != std::string::npos);
  }
}
