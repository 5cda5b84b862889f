// libFuzzer: the grammar entry points, reached the way every caller reaches them — engine::extract on
// arbitrary bytes (UTF-8 check, NFC, fold, sentences, RE2 candidates, every X3 grammar at every candidate).
// Invariants beyond "no crash": every fact's span lies inside the input and its text is those bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <doichieu/engine.hpp>

namespace {
const doichieu::engine& the_engine() {
  static const auto eng = [] {
    auto e = doichieu::engine::load({DOICHIEU_SOURCE_DIR, {}});
    if (!e) std::abort();  // the data in the tree must load; anything else is a setup error
    return *e;
  }();
  return *eng;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto ex = the_engine().extract({"fuzz.txt", bytes, doichieu::civil_time{2024, 3, 7, 0, 0, 0}});
  if (!ex) return 0;  // invalid UTF-8, NUL: refused as a value, which is correct
  for (const auto& f : ex->facts) {
    if (f.where.start > f.where.end || f.where.end > bytes.size()) std::abort();
    if (bytes.compare(f.where.start, f.where.end - f.where.start, f.text) != 0) std::abort();
  }
  return 0;
}
