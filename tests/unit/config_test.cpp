// .doichieu.json: strict keys with the allowed values in the error, rule settings, discovery upwards.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <doichieu/input.hpp>

namespace in = doichieu::input;

TEST_CASE("a full configuration is read") {
  auto c = in::parse_config(R"({
    // comments are allowed
    "rules": {"SAME_EVENT_DATE": "off", "TOTAL_EQUALS_PARTS": {"severity": "warning"}, "SAME_TITLE_FOR_PERSON": "info"},
    "include": ["**/*.md"], "exclude": ["drafts/**"],
    "format": "sarif", "fail_level": "warning", "color": "never", "lang": "en", "output": "out/report.sarif"
  })", "/repo/.doichieu.json");
  REQUIRE(c);
  CHECK(c->rules.at("SAME_EVENT_DATE").enabled == false);
  CHECK(*c->rules.at("TOTAL_EQUALS_PARTS").level == doichieu::severity::warning);
  CHECK(*c->rules.at("SAME_TITLE_FOR_PERSON").level == doichieu::severity::info);
  CHECK(in::disabled_rules(*c) == std::vector<std::string>{"SAME_EVENT_DATE"});
  CHECK(c->include == std::vector<std::string>{"**/*.md"});
  CHECK(*c->format == "sarif");
  CHECK(*c->fail_level == "warning");
  CHECK(*c->output == "/repo/out/report.sarif");  // relative to the file
}

TEST_CASE("unknown keys and values are errors that name the line and list what is allowed") {
  auto k = in::parse_config("{\n  \"format\": \"text\",\n  \"fromat\": \"json\"\n}", "c.json");
  REQUIRE_FALSE(k);
  CHECK(k.error().kind == doichieu::error_kind::bad_config);
  CHECK(k.error().where.path == "c.json");
  CHECK(k.error().where.line == 3);
  CHECK(k.error().message.find("allowed: rules, include, exclude, format") != std::string::npos);
  auto v = in::parse_config("{\"format\": \"yaml\"}", "c.json");
  REQUIRE_FALSE(v);
  CHECK(v.error().message.find("allowed: text, json, sarif, github, rdjsonl, html") != std::string::npos);
  auto r = in::parse_config("{\"rules\": {\"X\": {\"severity\": \"fatal\"}}}", "c.json");
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("allowed: error, warning, info") != std::string::npos);
  auto s = in::parse_config("{\"rules\": {\"X\": \"loud\"}}", "c.json");
  REQUIRE_FALSE(s);
  CHECK(s.error().message.find("allowed: on, off, error, warning, info") != std::string::npos);
  auto j = in::parse_config("{\n\"format\": \"text\",,\n}", "c.json");
  REQUIRE_FALSE(j);
  CHECK(j.error().where.line == 2);
}

TEST_CASE("severity overrides re-rank findings") {
  auto c = in::parse_config(R"({"rules": {"A_RULE": "info"}})", "c.json");
  REQUIRE(c);
  doichieu::check_report rep;
  doichieu::finding a, b;
  a.rule = "A_RULE";
  a.level = doichieu::severity::error;
  b.rule = "B_RULE";
  b.level = doichieu::severity::warning;
  rep.findings = {a, b};
  in::apply_rule_settings(rep, *c);
  REQUIRE(rep.findings.size() == 2);
  CHECK(rep.findings[0].rule == "B_RULE");
  CHECK(rep.findings[1].level == doichieu::severity::info);
  CHECK_FALSE(rep.fails_at(doichieu::severity::error));
}

TEST_CASE("the nearest .doichieu.json above an input is found") {
  namespace fs = std::filesystem;
  auto root = fs::temp_directory_path() / ("doichieu-config-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".doichieu.json") << "{}";
  std::ofstream(root / "a" / "b" / "x.md") << "x";
  auto found = in::find_config((root / "a" / "b" / "x.md").string());
  REQUIRE(found);
  CHECK(fs::path(*found) == root / ".doichieu.json");
  std::ofstream(root / "a" / ".doichieu.json") << "{}";
  CHECK(fs::path(*in::find_config((root / "a" / "b").string())) == root / "a" / ".doichieu.json");
  fs::remove_all(root);
}
