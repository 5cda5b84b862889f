// Every rule file's own examples, run through the real pipeline (LanguageTool's PatternRuleTest,
// Duckling's corpus tests): rules are discovered by glob, so a new rule file is tested with no list to edit.
// A firing example must produce a finding of that rule whose primary or related location covers exactly
// the ⟦marked⟧ bytes; a silent example must produce no error or warning of that rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/rules/rule_file.hpp>
#include <doichieu/rules/rules.hpp>

namespace fs = std::filesystem;
using namespace doichieu;

namespace {

std::vector<fs::path> rule_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(DOICHIEU_SOURCE_DIR) / "rules" / "vi"))
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

const engine& shared_engine() {
  static auto eng = engine::load({.data_dir = DOICHIEU_SOURCE_DIR, .disabled_rules = {}});
  if (!eng) FAIL("engine does not load: " << eng.error().describe());
  return **eng;
}

std::string describe(const finding& f) {
  std::string s = f.rule + (f.passed ? " [passed] " : " ") + f.message + " @";
  for (const auto& l : f.locations)
    s += " doc" + std::to_string(l.document) + "[" + std::to_string(l.where.start) + "," +
         std::to_string(l.where.end) + ")'" + l.text + "'";
  return s;
}

}  // namespace

TEST_CASE("rule files are discovered, ids are unique and well-formed") {
  auto files = rule_files();
  REQUIRE(files.size() >= 4);
  std::set<std::string> ids;
  const std::regex id_shape("^[A-Z][A-Z0-9_]*$");
  for (const auto& f : files) {
    std::string id = f.stem().string();
    INFO(f.string());
    CHECK(std::regex_match(id, id_shape));
    CHECK(ids.insert(id).second);
  }
  auto all = rules::load_rule_set((fs::path(DOICHIEU_SOURCE_DIR) / "rules" / "vi").string());
  REQUIRE(all);
  CHECK((*all)->rules().size() == files.size());
}

TEST_CASE("every rule's examples fire at the marked span or stay silent") {
  const engine& eng = shared_engine();
  for (const auto& file : rule_files()) {
    auto one = rules::load_rule_file(file.string());
    INFO(file.string());
    REQUIRE(one);
    REQUIRE((*one)->rules().size() == 1);
    const rules::rule_info& info = (*one)->rules().front();
    bool fires = false, silent = false;
    for (const auto& ex : info.examples) (ex.fires ? fires : silent) = true;
    CHECK(fires);
    CHECK(silent);

    std::size_t index = 0;
    for (const auto& ex : info.examples) {
      INFO("example " << index++);
      std::vector<rules::marked_text> texts;
      std::vector<extraction> docs;
      for (std::size_t r = 0; r < ex.reports.size(); ++r) {
        texts.push_back(rules::strip_marks(ex.reports[r]));
        auto x = eng.extract({"example" + std::to_string(r) + ".txt", texts.back().text,
                               ex.published.empty() ? std::nullopt : parse_iso_time(ex.published)});
        REQUIRE(x);
        docs.push_back(std::move(*x));
      }
      std::vector<rules::report_view> views;
      for (const auto& d : docs) views.push_back({&d.doc, &d.facts});
      auto found = (*one)->run(views);
      std::string all;
      for (const auto& f : found) all += describe(f) + "\n";
      INFO("findings:\n" << all);
      for (const auto& f : found) {
        CHECK(f.rule == info.id);
        CHECK(!f.message.empty());
        CHECK(!f.message_en.empty());
      }
      if (ex.fires) {
        for (std::size_t r = 0; r < texts.size(); ++r) {
          for (const auto& mark : texts[r].marks) {
            INFO("mark in report " << r << ": '" << texts[r].text.substr(mark.begin, mark.end - mark.begin) << "'");
            bool covered = std::any_of(found.begin(), found.end(), [&](const finding& f) {
              return !f.passed && f.level >= severity::warning &&
                     std::any_of(f.locations.begin(), f.locations.end(), [&](const location& l) {
                       return l.document == r && l.where.start == mark.begin && l.where.end == mark.end;
                     });
            });
            CHECK(covered);
          }
        }
      } else {
        bool quiet = std::none_of(found.begin(), found.end(),
                                  [](const finding& f) { return !f.passed && f.level >= severity::warning; });
        CHECK(quiet);
      }
    }
  }
}
