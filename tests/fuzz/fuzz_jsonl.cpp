// libFuzzer: the JSON Lines path — input::read_jsonl on arbitrary bytes, then engine::extract of every
// article it accepts (text or HTML bodies, published dates, events), as `doichieu check articles.jsonl` does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/input.hpp>

namespace {
const doichieu::engine& the_engine() {
  static const auto eng = [] {
    auto e = doichieu::engine::load({DOICHIEU_SOURCE_DIR, {}});
    if (!e) std::abort();
    return *e;
  }();
  return *eng;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto sources = doichieu::input::read_jsonl("fuzz.jsonl", bytes);
  if (!sources) {
    if (sources.error().where.line == 0 && sources.error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& src : *sources) {
    auto ex = the_engine().extract({src.path, src.text, src.published});
    if (!ex) continue;
    for (const auto& f : ex->facts) {
      if (f.where.end > src.text.size()) std::abort();
      // The map back to the record's own bytes stays inside them.
      if (src.map.to_original_end(f.where.end) > src.original.size()) std::abort();
    }
  }
  return 0;
}
