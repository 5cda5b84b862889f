// libFuzzer: make_document (UTF-8 validation, NFC with offset map, fold, sentences, paragraphs) and the
// offset arithmetic on its result. Invariants: folded has nfc's size; sentences are ordered and inside
// nfc; every nfc offset maps back inside the original bytes, with start <= end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

#include "fuzz_support.hpp"

namespace {
const doichieu::sentence_splitter& the_splitter() {
  static const auto sp = [] {
    auto s = doichieu::sentence_splitter::load(doichieu::fuzz::source_dir() +
                                               "/grammars/lexicon/vi/abbreviations.json");
    FUZZ_REQUIRE(s.has_value());
    return *s;
  }();
  return *sp;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto doc = doichieu::make_document("fuzz.txt", bytes, std::nullopt, the_splitter());
  if (!doc) {
    // A refusal must say where: invalid UTF-8 and NUL errors carry a byte inside the input.
    doichieu::fuzz::require_clean_refusal(doc.error());
    FUZZ_REQUIRE(!doc.error().where.byte || *doc.error().where.byte <= size);
    return 0;
  }
  FUZZ_REQUIRE(doc->original == bytes && doc->folded.size() == doc->nfc.size());
  std::size_t previous_end = 0;
  for (const auto& s : doc->sentences) {
    FUZZ_REQUIRE(s.begin <= s.end && s.end <= doc->nfc.size() && s.begin >= previous_end);
    previous_end = s.end;
    auto sp = doc->original_span(s.begin, s.end);
    FUZZ_REQUIRE(sp.start <= sp.end && sp.end <= size);
    FUZZ_REQUIRE(doc->sentence_at(s.begin) < doc->sentences.size());
  }
  for (std::size_t off = 0; off <= doc->nfc.size(); off += 1 + doc->nfc.size() / 64) {
    auto sp = doc->original_span(off, doc->nfc.size());
    FUZZ_REQUIRE(sp.start <= sp.end && sp.end <= size && sp.line > 0 && sp.column > 0);
  }
  return 0;
}
