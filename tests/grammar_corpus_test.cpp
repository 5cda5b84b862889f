// Duckling's idea: the corpus is the grammar test. Every grammars/corpus/vi/*.jsonl line is run through the
// whole engine; a positive line needs a fact of its kind at exactly the ⟦marked⟧ span carrying every
// `expected` field; a negative line (file *.negative.jsonl or "negative": true) needs no fact of its kind
// overlapping the mark (or the whole text when unmarked). Files are discovered, never listed.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <doichieu/engine.hpp>
#include <doichieu/reports/reporter.hpp>
#include <doichieu/rules/rule_file.hpp>

using nlohmann::json;

namespace {

bool same_json(const json& got, const json& want) {
  if (want.is_number() && got.is_number()) {
    double a = got.get<double>(), b = want.get<double>();
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
  }
  if (want.is_array() && got.is_array()) {
    if (want.size() != got.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i)
      if (!same_json(got[i], want[i])) return false;
    return true;
  }
  return got == want;
}

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = std::string(DOICHIEU_SOURCE_DIR) + "/grammars/corpus/vi";
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("grammar corpus files: every example extracts exactly as written") {
  doichieu::engine_options options;  // by name: engine_options grows fields
  options.data_dir = DOICHIEU_SOURCE_DIR;
  auto eng = doichieu::engine::load(options);
  REQUIRE(eng);
  auto files = corpus_files();
  REQUIRE(!files.empty());
  std::size_t examples = 0;
  for (const auto& path : files) {
    const bool negative_file = path.filename().string().find(".negative.") != std::string::npos;
    std::ifstream in(path);
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto ex = json::parse(line, nullptr, false);
      INFO(path.filename().string() << ":" << line_number << ": " << line);
      REQUIRE(!ex.is_discarded());
      REQUIRE(ex.contains("text"));
      REQUIRE(ex.contains("kind"));
      ++examples;
      auto marked = doichieu::rules::strip_marks(ex["text"].get<std::string>());
      std::optional<doichieu::civil_time> published;
      if (ex.contains("published")) published = doichieu::parse_iso_time(ex["published"].get<std::string>());
      auto got = (*eng)->extract({path.filename().string(), marked.text, published});
      REQUIRE(got);
      std::size_t want_start = 0, want_end = marked.text.size();
      if (!marked.marks.empty()) {
        want_start = marked.marks[0].begin;
        want_end = marked.marks[0].end;
      }
      const std::string kind = ex["kind"];
      std::vector<json> facts;
      for (const auto& f : got->facts) facts.push_back(json::parse(doichieu::reports::fact_to_json_line(f, "t")));
      std::string seen;
      for (const auto& f : facts) seen += f.dump() + "\n";
      INFO("facts:\n" << seen);
      const bool negative = negative_file || ex.value("negative", false);
      if (negative) {
        for (const auto& f : facts) {
          std::size_t s = f["start"], e = f["end"];
          CHECK_FALSE((f["kind"] == kind && s < want_end && e > want_start));
        }
        continue;
      }
      bool found = false;
      for (const auto& f : facts) {
        if (f["kind"] != kind || f["start"] != want_start || f["end"] != want_end) continue;
        bool all = true;
        const json expected = ex.value("expected", json::object());  // items() must not outlive it
        for (const auto& [key, want] : expected.items())
          if (!f.contains(key) || !same_json(f[key], want)) all = false;
        if (all) found = true;
      }
      CHECK(found);
    }
  }
  CHECK(examples > 0);
}
