// The rule loader's contract: bad rule files are errors that name the file, the key and what is allowed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <doichieu/rules/rule_file.hpp>
#include <doichieu/rules/rules.hpp>

namespace fs = std::filesystem;
using namespace doichieu;

namespace {

// A scratch rules/vi folder next to a copy of the real rules/data.
struct scratch {
  fs::path root;
  scratch() {
    root = fs::temp_directory_path() / ("doichieu_rules_loader_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "rules" / "vi");
    fs::copy(fs::path(DOICHIEU_SOURCE_DIR) / "rules" / "data", root / "rules" / "data", fs::copy_options::recursive);
  }
  ~scratch() { fs::remove_all(root); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::path p = root / "rules" / "vi" / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string dir() const { return (root / "rules" / "vi").string(); }
};

const std::string good_body = R"({
  // comments are allowed
  "kind": "sum_equals_total",
  "level": "error",
  "description": "Tổng phải bằng tổng các phần.",
  "message": {"vi": "{outcome, select, passed {Khớp: {parts} = {total, number}.} other {Lệch: {parts} = {sum, number}.}}",
              "en": "{outcome, select, passed {Matches: {parts} = {total, number}.} other {Off: {parts} = {sum, number}.}}"},
  "examples": [
    {"text": "Tổng vốn ⟦10 tỉ đồng⟧, trong đó A 4 tỉ đồng, B 5 tỉ đồng.", "fires": true},
    {"text": "Tổng vốn 10 tỉ đồng, trong đó A 4 tỉ đồng, B 6 tỉ đồng.", "fires": false}
  ]
})";

std::string with(std::string body, const std::string& from, const std::string& to) {
  auto p = body.find(from);
  REQUIRE(p != std::string::npos);
  body.replace(p, from.size(), to);
  return body;
}

}  // namespace

TEST_CASE("a well-formed rule file loads with its examples") {
  scratch s;
  auto path = s.write("GOOD_RULE.json", good_body);
  auto r = rules::load_rule_file(path);
  REQUIRE(r);
  const auto& info = (*r)->rules().at(0);
  CHECK(info.id == "GOOD_RULE");
  CHECK(info.kind == "sum_equals_total");
  CHECK(info.level == severity::error);
  REQUIRE(info.examples.size() == 2);
  CHECK(info.examples[0].fires);
  CHECK_FALSE(info.examples[1].fires);
}

TEST_CASE("an unknown kind lists the valid kinds and names the file") {
  scratch s;
  auto path = s.write("BAD_KIND.json", with(good_body, "\"sum_equals_total\"", "\"sum_of_parts\""));
  auto r = rules::load_rule_file(path);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == error_kind::bad_rule);
  CHECK(r.error().where.path == path);
  CHECK_THAT(r.error().message, Catch::Contains("'kind'") && Catch::Contains("sum_of_parts") &&
                                    Catch::Contains("same_value_across_reports") && Catch::Contains("sum_equals_total"));
}

TEST_CASE("an unknown top-level key lists the allowed keys") {
  scratch s;
  auto path = s.write("BAD_KEY.json", with(good_body, "\"level\"", "\"scope\": \"sentence\", \"level\""));
  auto r = rules::load_rule_file(path);
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("'scope'") && Catch::Contains("kind, level, description, message"));
}

TEST_CASE("a bad level lists error, warning, info") {
  scratch s;
  auto r = rules::load_rule_file(s.write("BAD_LEVEL.json", with(good_body, "\"error\"", "\"fatal\"")));
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("'level'") && Catch::Contains("fatal") &&
                                    Catch::Contains("error, warning, info"));
}

TEST_CASE("an unknown parameter of a kind lists that kind's parameters") {
  scratch s;
  auto r = rules::load_rule_file(
      s.write("BAD_PARAM.json", with(good_body, "\"level\"", "\"params\": {\"cues\": [\"tổng\"]}, \"level\"")));
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("params.cues") && Catch::Contains("total_cues"));
}

TEST_CASE("a rule needs a firing and a silent example, and a firing one needs a mark") {
  scratch s;
  auto no_silent = rules::load_rule_file(
      s.write("NO_SILENT.json", with(good_body, "B 6 tỉ đồng.\", \"fires\": false", "B ⟦6 tỉ đồng⟧.\", \"fires\": true")));
  REQUIRE_FALSE(no_silent);
  CHECK_THAT(no_silent.error().message, Catch::Contains("'examples'"));
  auto no_mark = rules::load_rule_file(s.write("NO_MARK.json", with(good_body, "⟦10 tỉ đồng⟧", "10 tỉ đồng")));
  REQUIRE_FALSE(no_mark);
  CHECK_THAT(no_mark.error().message, Catch::Contains("⟦"));
}

TEST_CASE("ids come from file names and must be UPPER_SNAKE") {
  scratch s;
  auto r = rules::load_rule_file(s.write("lower_case.json", good_body));
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("lower_case") && Catch::Contains("^[A-Z][A-Z0-9_]*$"));
}

TEST_CASE("JSON syntax errors give line and column") {
  scratch s;
  auto path = s.write("BROKEN.json", "{\n  \"kind\": \"sum_equals_total\",\n  \"level\" \"error\"\n}");
  auto r = rules::load_rule_file(path);
  REQUIRE_FALSE(r);
  CHECK(r.error().where.line == 3);
  CHECK(r.error().where.column > 0);
}

TEST_CASE("a broken message template is caught at load time") {
  scratch s;
  auto r = rules::load_rule_file(s.write("BAD_MESSAGE.json", with(good_body, "{Khớp:", "{Khớp: {parts")));
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("message.vi"));
}

TEST_CASE("the set loads every file, and disabling an unknown id is a config error") {
  scratch s;
  s.write("GOOD_RULE.json", good_body);
  s.write("OTHER_RULE.json", good_body);
  auto all = rules::load_rule_set(s.dir());
  REQUIRE(all);
  CHECK((*all)->rules().size() == 2);
  auto fewer = rules::load_rule_set(s.dir(), {"OTHER_RULE"});
  REQUIRE(fewer);
  CHECK((*fewer)->rules().size() == 1);
  auto unknown = rules::load_rule_set(s.dir(), {"NO_SUCH_RULE"});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == error_kind::bad_config);
  CHECK_THAT(unknown.error().message, Catch::Contains("NO_SUCH_RULE") && Catch::Contains("GOOD_RULE"));
}

TEST_CASE("strip_marks removes the marks and keeps byte offsets") {
  auto m = rules::strip_marks("Ngày ⟦7/3⟧, tổng ⟦796 tỉ⟧.");
  CHECK(m.text == "Ngày 7/3, tổng 796 tỉ.");
  REQUIRE(m.marks.size() == 2);
  CHECK(m.text.substr(m.marks[0].begin, m.marks[0].end - m.marks[0].begin) == "7/3");
  CHECK(m.text.substr(m.marks[1].begin, m.marks[1].end - m.marks[1].begin) == "796 tỉ");
}

TEST_CASE("the real rule folder loads") {
  auto all = rules::load_rule_set(std::string(DOICHIEU_SOURCE_DIR) + "/rules/vi");
  if (!all) FAIL(all.error().describe());
  CHECK((*all)->rules().size() >= 4);
  CHECK(rules::rule_kinds().size() >= 4);
}
