// Shared by the fuzz targets: the engine and tables loaded once from the source tree, and the invariant
// check. The same target sources are linked two ways (tests/fuzz/CMakeLists.txt): with libFuzzer's main
// under clang (-DDOICHIEU_FUZZ=ON), and with replay_main.cpp in the normal build, where CTest replays
// tests/fuzz_regressions/<target>/ through them. A broken invariant aborts, which both runners report.
#ifndef DOICHIEU_TESTS_FUZZ_SUPPORT_HPP_
#define DOICHIEU_TESTS_FUZZ_SUPPORT_HPP_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/result.hpp>

// Not assert(): it must hold in every build type, and say which invariant broke.
#define FUZZ_REQUIRE(condition)                                                                    \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                                \
    }                                                                                              \
  } while (false)

namespace doichieu::fuzz {

inline std::string source_dir() { return DOICHIEU_SOURCE_DIR; }

inline const engine& the_engine() {
  static const std::shared_ptr<const engine> eng = [] {
    auto e = engine::load({source_dir(), {}});
    if (!e) {  // the data in the tree must load; anything else is a setup error, not a finding
      std::fprintf(stderr, "cannot load the engine: %s\n", e.error().describe().c_str());
      std::abort();
    }
    return *e;
  }();
  return *eng;
}

// A refusal is fine; a refusal without a message, or an exception caught at an API boundary (`internal`,
// which the engine and readers return instead of crashing), is a bug the fuzzer must report.
inline void require_clean_refusal(const error& e) {
  if (e.kind == error_kind::internal || e.message.empty()) {
    std::fprintf(stderr, "unclean refusal: kind %d: %s\n", static_cast<int>(e.kind), e.describe().c_str());
    std::abort();
  }
}

}  // namespace doichieu::fuzz

#endif  // DOICHIEU_TESTS_FUZZ_SUPPORT_HPP_
