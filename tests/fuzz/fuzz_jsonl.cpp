// libFuzzer: the JSON Lines path — input::read_jsonl on arbitrary bytes, then engine::extract of every
// article it accepts (text or HTML bodies, published dates, events), as `doichieu check articles.jsonl` does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/input.hpp>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto sources = doichieu::input::read_jsonl("fuzz.jsonl", bytes);
  if (!sources) {
    doichieu::fuzz::require_clean_refusal(sources.error());
    return 0;
  }
  for (const auto& src : *sources) {
    auto ex = doichieu::fuzz::the_engine().extract({src.path, src.text, src.published});
    if (!ex) {
      doichieu::fuzz::require_clean_refusal(ex.error());
      continue;
    }
    for (const auto& f : ex->facts) {
      FUZZ_REQUIRE(f.where.end <= src.text.size());
      // The map back to the record's own bytes stays inside them.
      FUZZ_REQUIRE(src.map.to_original_end(f.where.end) <= src.original.size());
    }
  }
  return 0;
}
