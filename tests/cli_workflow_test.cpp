// End-to-end tests of the CI/CMS workflow options (issue #5): tolerances in .doichieu.json,
// --changed-since in a real git repository, and stdin read as Markdown/HTML/JSON Lines.
// The report sentences are our own.
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
