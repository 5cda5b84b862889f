// libFuzzer: the rule file loader (rules/include/doichieu/rules/rule_file.hpp). Each input is written as
// rules/vi/FUZZ_RULE.json in a private scratch tree whose rules/data is a copy of the real one, since the
// loader reads shared data from the sibling folder. A file that loads must also run on a small real report
// without throwing. Seeds: tests/fuzz/run.sh copies the real rule files into the corpus directory.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/rules/rule_file.hpp>
#include <doichieu/rules/rules.hpp>

#include "fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {
struct scratch {
  fs::path rule_path;
  std::shared_ptr<const doichieu::engine> eng;
  std::vector<doichieu::extraction> reports;
  scratch() {
    const fs::path root = fs::temp_directory_path() / ("doichieu-fuzz-rules-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "rules" / "vi");
    fs::copy(fs::path(DOICHIEU_SOURCE_DIR) / "rules" / "data", root / "rules" / "data", fs::copy_options::recursive);
    rule_path = root / "rules" / "vi" / "FUZZ_RULE.json";
    auto e = doichieu::engine::load({DOICHIEU_SOURCE_DIR, {}});
    FUZZ_REQUIRE(e.has_value());
    eng = *e;
    // Two short reports that disagree on a total and a date, so every rule kind has facts to look at.
    for (const char* text : {"Ngày 5/3/2024, ông Nguyễn Văn A, Chủ tịch UBND tỉnh, cho biết tổng vốn 796 tỉ đồng, "
                             "trong đó ngân sách 500 tỉ đồng, doanh nghiệp 296 tỉ đồng. 12 người bị thương.",
                             "Ngày 6/3/2024, Phó chủ tịch UBND tỉnh Nguyễn Văn A cho biết tổng vốn 800 tỉ đồng. "
                             "13 người bị thương, chiếm 20%."}) {
      auto ex = eng->extract({"r.txt", text, std::nullopt});
      FUZZ_REQUIRE(ex.has_value());
      reports.push_back(std::move(*ex));
    }
  }
};
const scratch& the_scratch() {
  static const scratch s;
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& s = the_scratch();
  {
    std::ofstream out(s.rule_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto rules = doichieu::rules::load_rule_file(s.rule_path.string());
  if (!rules) {
    doichieu::fuzz::require_clean_refusal(rules.error());  // an error must say what is wrong
    return 0;
  }
  std::vector<doichieu::rules::report_view> views;
  for (const auto& r : s.reports) views.push_back({&r.doc, &r.facts});
  auto findings = (*rules)->run(views);
  for (const auto& f : findings) {
    for (const auto& loc : f.locations) {
      FUZZ_REQUIRE(loc.document < s.reports.size());
    }
  }
  return 0;
}
