// libFuzzer: the .doichieu.json loader (input::parse_config) and what the CLI does with a configuration it
// accepts: the disabled rule list, severity overrides applied to a real report, and the include/exclude
// globs matched against paths (glob_match backtracks on '*' and '**': a pattern must not take exponential
// time, which -timeout catches).
// Invariants: a refusal names the file and says what is wrong; overrides keep the report's findings (only
// their severity changes) and leave them sorted most severe first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <doichieu/input.hpp>

#include "fuzz_support.hpp"

namespace {
namespace in = doichieu::input;

const doichieu::check_report& the_report() {
  // Our own example event (checker/examples/tru-so-cong-an): it has findings and verified checks.
  static const doichieu::check_report rep = [] {
    std::vector<doichieu::report_input> inputs;
    for (const char* name : {"bao-a.txt", "bao-b.txt", "bao-c.txt"}) {
      const std::string path = doichieu::fuzz::source_dir() + "/checker/examples/tru-so-cong-an/" + name;
      auto bytes = in::read_file(path);
      FUZZ_REQUIRE(bytes.has_value());
      inputs.push_back({path, *bytes, std::nullopt});
    }
    auto r = doichieu::fuzz::the_engine().check(std::move(inputs));
    FUZZ_REQUIRE(r && !r->findings.empty());
    return *r;
  }();
  return rep;
}

constexpr std::string_view sample_paths[] = {
    "bao-a.txt", "drafts/2024/03/bao-b.md", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.html",
    "tin/t\xe1\xbb\x89nh/qu\xe1\xba\xa3ng-ninh.jsonl", "", "/abs/path/.doichieu.json",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = "/fuzz/project/.doichieu.json";
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto cfg = in::parse_config(bytes, path);
  if (!cfg) {
    doichieu::fuzz::require_clean_refusal(cfg.error());
    FUZZ_REQUIRE(cfg.error().kind == doichieu::error_kind::bad_config && cfg.error().where.path == path);
    return 0;
  }
  FUZZ_REQUIRE(cfg->path == path);
  for (const auto& id : in::disabled_rules(*cfg)) FUZZ_REQUIRE(cfg->rules.count(id) == 1);

  doichieu::check_report rep = the_report();
  in::apply_rule_settings(rep, *cfg);
  FUZZ_REQUIRE(rep.findings.size() == the_report().findings.size());
  for (std::size_t i = 0; i < rep.findings.size(); ++i) {
    const auto it = cfg->rules.find(rep.findings[i].rule);
    if (it != cfg->rules.end() && it->second.level) FUZZ_REQUIRE(rep.findings[i].level == *it->second.level);
    // severity is info < warning < error; most severe first.
    if (i > 0) FUZZ_REQUIRE(rep.findings[i - 1].level >= rep.findings[i].level);
  }
  for (const auto* globs : {&cfg->include, &cfg->exclude}) {
    for (const auto& g : *globs) {
      for (auto p : sample_paths) (void)in::glob_match(g, p);
    }
  }
  return 0;
}
