// libFuzzer: a document reader — input::read_source for .txt, .md (md4c) or .html (gumbo), chosen at compile
// time by DOICHIEU_FUZZ_FORMAT (one binary per format, see CMakeLists.txt) — followed by what `doichieu check`
// does with what it returns: check, remap every span to the original file, suppression comments, and the
// text, JSON and HTML renderers that quote the original lines.
// Invariants: a reader either refuses with a message or returns text the engine accepts; every offset of
// the text maps inside the original bytes; every span after remapping lies inside the file, start <= end.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <doichieu/input.hpp>
#include <doichieu/reports/reporter.hpp>

#include "fuzz_support.hpp"

namespace {
namespace in = doichieu::input;
constexpr in::source_format formats[] = {in::source_format::text, in::source_format::markdown,
                                         in::source_format::html};
constexpr const char* paths[] = {"fuzz.txt", "fuzz.md", "fuzz.html"};
static_assert(DOICHIEU_FUZZ_FORMAT >= 0 && DOICHIEU_FUZZ_FORMAT < 3, "format 0..2");

void require_inside(const doichieu::span& s, std::size_t size) {
  FUZZ_REQUIRE(s.start <= s.end && s.end <= size);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto src = in::read_source(paths[DOICHIEU_FUZZ_FORMAT], bytes, formats[DOICHIEU_FUZZ_FORMAT]);
  if (!src) {
    doichieu::fuzz::require_clean_refusal(src.error());
    return 0;
  }
  FUZZ_REQUIRE(src->original == bytes);
  // Text order need not be file order: gumbo moves misnested table content in front of the table (HTML's
  // foster parenting), and remap keeps every span's end at or after its start. Bounds must hold everywhere.
  for (std::size_t off = 0; off <= src->text.size(); ++off) {
    FUZZ_REQUIRE(src->map.to_original_start(off) <= size && src->map.to_original_end(off) <= size);
  }
  for (const auto& s : src->suppressions) FUZZ_REQUIRE(s.begin <= s.end && s.end <= size && !s.rule.empty());

  auto rep = doichieu::fuzz::the_engine().check({{src->path, src->text, std::nullopt}});
  if (!rep) {
    // The reader accepted the file, so the text it made must be usable; only the size limit may refuse it.
    FUZZ_REQUIRE(rep.error().kind == doichieu::error_kind::too_large);
    return 0;
  }
  in::remap_to_originals(*rep, {&*src});
  in::apply_suppressions(*rep, {&*src});
  for (const auto* list : {&rep->findings, &rep->passed}) {
    for (const auto& f : *list) {
      for (const auto& loc : f.locations) {
        FUZZ_REQUIRE(loc.document == 0);
        require_inside(loc.where, size);
      }
    }
  }
  for (const auto& f : rep->reports.front().facts) require_inside(f.where, size);
  for (auto fmt : {doichieu::reports::format::text, doichieu::reports::format::json,
                   doichieu::reports::format::html}) {
    std::ostringstream out;
    doichieu::reports::render_check(*rep, fmt, {}, out);
    FUZZ_REQUIRE(!out.str().empty());
  }
  return 0;
}
