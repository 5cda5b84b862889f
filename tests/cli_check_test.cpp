// End to end through the built CLI: exit codes, JSON shape, spans on the real seed reports.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using doichieu::testing::read_file;
using doichieu::testing::run_cli;
using doichieu::testing::scratch_dir;
using doichieu::testing::seed;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;
using nlohmann::json;

namespace {

std::string quoted_seeds(std::initializer_list<const char*> prefixes) {
  std::string s;
  for (const char* p : prefixes) s += " " + shell_quote(seed(p));
  return s;
}

json facts_of(const std::string& file) {
  auto r = run_cli("extract --format json " + shell_quote(file));
  REQUIRE(r.status == 0);
  auto j = json::parse(r.out);
  REQUIRE(j["schema"] == "doichieu/facts/v1");
  return j["facts"];
}

// The fact whose text is exactly `text`, checking that start/end really cover those bytes of the file.
json find_fact(const json& facts, const std::string& bytes, const std::string& kind, const std::string& text) {
  for (const auto& f : facts) {
    if (f["kind"] == kind && f["text"] == text) {
      std::size_t start = f["start"], end = f["end"];
      REQUIRE(end <= bytes.size());
      CHECK(bytes.substr(start, end - start) == text);
      return f;
    }
  }
  FAIL_CHECK("no " << kind << " fact with text '" << text << "'");
  return json();
}

}  // namespace

TEST_CASE("check on the three Quảng Ninh seed reports finds no error") {
  auto r = run_cli("check --format json" + quoted_seeds({"000", "001", "002"}));
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  auto j = json::parse(r.out);
  CHECK(j["schema"] == "doichieu/report/v1");
  CHECK(j["documents"].size() == 3);
  for (const auto& f : j["findings"]) CHECK(f["severity"] != "error");
}

TEST_CASE("a changed part of the 796 tỉ đồng total makes check exit 1 at the changed bytes") {
  std::string original = read_file(seed("000"));
  const std::string part = "39,8 tỉ đồng";
  auto at = original.find(part);
  REQUIRE(at != std::string::npos);
  std::string changed = original;
  changed.replace(at, 4, "49,8");
  auto dir = scratch_dir("planted");
  write_file(dir / "000.txt", changed);
  auto r = run_cli("check --format json " + shell_quote((dir / "000.txt").string()) + quoted_seeds({"001", "002"}));
  INFO(r.out << r.err);
  REQUIRE(r.status == 1);
  auto j = json::parse(r.out);
  bool covered = false;
  for (const auto& f : j["findings"]) {
    if (f["severity"] != "error") continue;
    for (const auto& loc : f["locations"]) {
      std::size_t s = loc["start"], e = loc["end"];
      if (loc["document"] == (dir / "000.txt").string() && s <= at && e >= at + 4) covered = true;
    }
  }
  CHECK(covered);
  std::filesystem::remove_all(dir);
}

TEST_CASE("extract finds the seed figures, dates and persons with exact spans") {
  std::string s000 = read_file(seed("000")), s002 = read_file(seed("002"));
  auto f000 = facts_of(seed("000"));
  auto f002 = facts_of(seed("002"));

  auto total = find_fact(f000, s000, "money", "796 tỉ đồng");
  CHECK(total["value"] == 796000000000LL);
  CHECK(total["unit"] == "VND");
  auto part1 = find_fact(f000, s000, "money", "756,2 tỉ đồng");
  CHECK(part1["value"] == 756200000000LL);
  auto part2 = find_fact(f000, s000, "money", "39,8 tỉ đồng");
  CHECK(part2["value"] == 39800000000LL);
  auto area = find_fact(f000, s000, "quantity", "27.781 m2");
  CHECK(area["value"] == 27781);
  CHECK(area["unit"] == "m2");

  bool thousand = false;
  for (const auto& f : f000)
    if (f["kind"] == "number" && f.contains("value") && f["value"] == 1000) thousand = true;
  CHECK(thousand);

  bool anniversary = false;
  for (const auto& f : f000) {
    std::string text = f["text"];
    if ((f["kind"] == "date") && text.find("19.8.1945") != std::string::npos) {
      anniversary = (f.contains("value") && f["value"] == "1945-08-19") || (f.contains("from") && f["from"] == "1945-08-19");
    }
  }
  CHECK(anniversary);

  auto d000 = find_fact(f000, s000, "date", "Ngày 7-3");
  CHECK(std::string(d000["value"]).substr(std::string(d000["value"]).size() - 5) == "03-07");
  auto d002 = find_fact(f002, s002, "date", "Ngày 7/3");
  CHECK(std::string(d002["value"]).substr(std::string(d002["value"]).size() - 5) == "03-07");

  bool resolution_date = false;
  for (const auto& f : f002)
    if (f["kind"] == "docref" && f.contains("date") && f["date"] == "2022-03-16") resolution_date = true;
  CHECK(resolution_date);

  bool general = false;
  for (const auto& f : f000) {
    if (f["kind"] != "person" || f["name"] != "Tô Lâm") continue;
    for (const auto& t : f["titles"])
      if (t == "Đại tướng") general = true;
  }
  CHECK(general);
}

TEST_CASE("invalid UTF-8 exits 2 and names the byte offset; an empty file is a valid empty report") {
  auto dir = scratch_dir("utf8");
  write_file(dir / "bad.txt", std::string("Ngày 7/3 \xC3\x28 tỉ đồng"));
  auto bad = run_cli("check " + shell_quote((dir / "bad.txt").string()));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.txt") != std::string::npos);
  CHECK(bad.err.find("byte 10") != std::string::npos);

  write_file(dir / "empty.txt", "");
  auto empty = run_cli("check --format json " + shell_quote((dir / "empty.txt").string()));
  CHECK(empty.status == 0);
  auto j = json::parse(empty.out);
  CHECK(j["findings"].empty());
  auto ex = run_cli("extract --format json " + shell_quote((dir / "empty.txt").string()));
  CHECK(ex.status == 0);
  CHECK(json::parse(ex.out)["facts"].empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("usage and input errors exit 2 with a message") {
  CHECK(run_cli("").status == 2);
  CHECK(run_cli("frobnicate x").status == 2);
  auto fmt = run_cli("check --format yaml x.txt");
  CHECK(fmt.status == 2);
  CHECK(fmt.err.find("allowed: text, json, sarif, github, rdjsonl") != std::string::npos);
  auto missing = run_cli("check /nonexistent/report.txt");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("/nonexistent/report.txt") != std::string::npos);
}

TEST_CASE("extract --jsonl streams one answer per line and survives a malformed line") {
  std::string input =
      "{\"id\": \"a\", \"text\": \"Tổng vốn 796 tỉ đồng.\", \"published\": \"2024-03-08\"}\n"
      "{not json\n"
      "{\"id\": \"c\", \"text\": \"Ngày 7/3, Đại tướng Tô Lâm đến Quảng Ninh.\", \"published\": \"2024-03-08T10:00:00\"}\n";
  auto r = run_cli("extract --jsonl", input);
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<json> answers;
  while (std::getline(lines, line)) answers.push_back(json::parse(line));
  REQUIRE(answers.size() == 3);
  CHECK(answers[0]["id"] == "a");
  REQUIRE(answers[0]["facts"].size() >= 1);
  const auto& money = answers[0]["facts"][0];
  CHECK(money["kind"] == "money");
  // Offsets are bytes into that line's text: "Tổng vốn " is 13 bytes ("ổ" and "ố" take 3 each).
  CHECK(money["start"] == 13);
  CHECK(money["document"] == "a");
  CHECK(answers[1].contains("error"));
  CHECK(answers[1]["line"] == 2);
  CHECK(answers[2]["id"] == "c");
  bool dated = false;
  for (const auto& f : answers[2]["facts"])
    if (f["kind"] == "date" && f["value"] == "2024-03-07") dated = true;
  CHECK(dated);
}
