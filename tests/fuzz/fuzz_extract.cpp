// libFuzzer: the grammar entry points, reached the way every caller reaches them — engine::extract on
// arbitrary bytes (UTF-8 check, NFC, fold, sentences, RE2 candidates, every X3 grammar at every candidate).
// Invariants beyond "no crash": every fact's span lies inside the input and its text is those bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <doichieu/engine.hpp>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto ex = doichieu::fuzz::the_engine().extract({"fuzz.txt", bytes, doichieu::civil_time{2024, 3, 7, 0, 0, 0}});
  if (!ex) {  // invalid UTF-8, NUL: refused as a value, which is correct
    doichieu::fuzz::require_clean_refusal(ex.error());
    return 0;
  }
  for (const auto& f : ex->facts) {
    FUZZ_REQUIRE(f.where.start <= f.where.end && f.where.end <= bytes.size());
    FUZZ_REQUIRE(bytes.compare(f.where.start, f.where.end - f.where.start, f.text) == 0);
  }
  return 0;
}
