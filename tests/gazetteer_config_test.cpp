// The officials gazetteer through .doichieu.json "gazetteers" (issue #4, point 6): a user's file extends
// rules/data/officials.json for TITLE_HELD_ON_DATE; a malformed file or key is a bad_config error (exit 2)
// naming the file and the entry. The report sentences and officials are our own inventions.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using doichieu::testing::run_cli;
using doichieu::testing::scratch_dir;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;

namespace {

const std::string report = "Sáng nay, Giám đốc Sở Xây dựng tỉnh Quảng Ninh Nguyễn Văn An làm việc với đoàn.\n";
const std::string tenure_to_2022 =
    R"json({"officials": [{"person": "Nguyễn Văn An", "position": "Giám đốc", "organisation": "Sở Xây dựng tỉnh Quảng Ninh",
        "from": "2020-01-01", "to": "2022-12-31", "source": "Quyết định bổ nhiệm (thử nghiệm)"}]})json";

std::string check_on(const fs::path& dir, const std::string& published) {
  return "check --format json --published " + published + " " + shell_quote((dir / "a.txt").string());
}

std::size_t held_findings(const std::string& json_out) {
  std::size_t n = 0;
  auto report_json = nlohmann::json::parse(json_out);  // kept alive: a range-for over a temporary's member dangles
  for (const auto& f : report_json["findings"]) n += f["rule"] == "TITLE_HELD_ON_DATE" ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("gazetteers in .doichieu.json: a user's officials file reaches TITLE_HELD_ON_DATE") {
  auto dir = scratch_dir("gazetteer");
  write_file(dir / "a.txt", report);

  SECTION("without the file the person is unknown: silent") {
    auto r = run_cli(check_on(dir, "2025-03-07"));
    REQUIRE(r.status == 0);
    CHECK(held_findings(r.out) == 0);
  }
  SECTION("with it, a date after the tenure is a warning giving the tenure; a date inside it is silent") {
    fs::create_directories(dir / "data");
    write_file(dir / "data" / "officials.json", tenure_to_2022);
    write_file(dir / ".doichieu.json", R"({"gazetteers": ["data/officials.json"]})");
    auto late = run_cli(check_on(dir, "2025-03-07"));
    REQUIRE(late.status == 0);  // a warning does not fail the default level
    REQUIRE(held_findings(late.out) == 1);
    CHECK(late.out.find("2020-01-01 – 2022-12-31") != std::string::npos);
    auto inside = run_cli(check_on(dir, "2021-06-01"));
    REQUIRE(inside.status == 0);
    CHECK(held_findings(inside.out) == 0);
  }
  SECTION("a malformed entry is bad_config naming the file and the entry") {
    write_file(dir / "bad.json", R"({"officials": [{"person": "Nguyễn Văn An", "position": "Giám đốc",
        "organisation": "Sở Xây dựng", "from": "2020-13-01", "to": null, "source": "x"}]})");
    write_file(dir / ".doichieu.json", R"({"gazetteers": ["bad.json"]})");
    auto r = run_cli(check_on(dir, "2025-03-07"));
    CHECK(r.status == 2);
    CHECK(r.err.find("bad.json") != std::string::npos);
    CHECK(r.err.find("officials[0] (Nguyễn Văn An): key 'from'") != std::string::npos);
  }
  SECTION("a missing file, a wrong type and an unknown key in the entry are errors too") {
    write_file(dir / ".doichieu.json", R"({"gazetteers": ["missing.json"]})");
    auto missing = run_cli(check_on(dir, "2025-03-07"));
    CHECK(missing.status == 2);
    CHECK(missing.err.find("missing.json") != std::string::npos);
    write_file(dir / ".doichieu.json", R"({"gazetteers": "officials.json"})");
    auto typed = run_cli(check_on(dir, "2025-03-07"));
    CHECK(typed.status == 2);
    CHECK(typed.err.find("\"gazetteers\" must be an array of file paths") != std::string::npos);
    write_file(dir / "extra.json", R"({"officials": [{"person": "A B", "position": "P", "organisation": "",
        "from": "2020-01-01", "to": null, "source": "x", "url": "y"}]})");
    write_file(dir / ".doichieu.json", R"({"gazetteers": ["extra.json"]})");
    auto unknown = run_cli(check_on(dir, "2025-03-07"));
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("unknown key 'url'") != std::string::npos);
  }
}
