// libFuzzer: one grammar entry point called directly — parse_numeric, parse_temporal, parse_person or
// parse_docref, chosen at compile time by DOICHIEU_FUZZ_FAMILY (0..3; one binary per family, see
// CMakeLists.txt). fuzz_extract reaches the grammars only where the RE2 scan marks a candidate; here the
// parser runs at EVERY token start of every sentence, so the grammar must stand on its own contract
// (grammars.hpp): nothing or an end in (begin, limit], and a fact whose span lies inside the document.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <doichieu/document.hpp>
#include <doichieu/grammars/grammars.hpp>
#include <doichieu/text.hpp>

#include "fuzz_support.hpp"
#include "scan/candidates.hpp"

namespace {

using parser = std::optional<doichieu::grammars::parse_outcome> (*)(const doichieu::grammars::parse_request&);
constexpr parser parsers[] = {doichieu::grammars::parse_numeric, doichieu::grammars::parse_temporal,
                              doichieu::grammars::parse_person, doichieu::grammars::parse_docref};
static_assert(DOICHIEU_FUZZ_FAMILY >= 0 && DOICHIEU_FUZZ_FAMILY < 4, "family 0..3");
constexpr parser the_parser = parsers[DOICHIEU_FUZZ_FAMILY];

struct tables {
  std::shared_ptr<const doichieu::sentence_splitter> splitter;
  std::shared_ptr<const doichieu::grammars::lexicon> lex;
};

const tables& the_tables() {
  static const tables t = [] {
    const std::string dir = doichieu::fuzz::source_dir() + "/grammars/lexicon/vi";
    auto splitter = doichieu::sentence_splitter::load(dir + "/abbreviations.json");
    auto lex = doichieu::grammars::load_lexicon(dir);
    FUZZ_REQUIRE(splitter && lex);
    return tables{*splitter, *lex};
  }();
  return t;
}

bool code_point_start(const std::string& s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0u) != 0x80u;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& t = the_tables();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // A publication date, so relative and yearless dates ("hôm qua", "ngày 5/3") are resolved too.
  auto doc = doichieu::make_document("fuzz.txt", std::move(bytes), doichieu::civil_time{2024, 3, 7, 0, 0, 0},
                                     *t.splitter);
  if (!doc) {
    doichieu::fuzz::require_clean_refusal(doc.error());
    return 0;
  }
  const std::string& folded = doc->folded;
  for (const auto& sentence : doc->sentences) {
    for (std::size_t pos = sentence.begin; pos < sentence.end; ++pos) {
      if (!code_point_start(folded, pos) || !doichieu::scan::is_token_start(folded, sentence.begin, pos)) continue;
      doichieu::grammars::parse_request req{*doc, pos, sentence.end, *t.lex};
      auto out = the_parser(req);
      if (!out) continue;
      FUZZ_REQUIRE(out->end > pos && out->end <= sentence.end);
      FUZZ_REQUIRE(code_point_start(folded, out->end));
      if (!out->value) continue;
      const auto& f = *out->value;
      FUZZ_REQUIRE(f.nfc_begin <= f.nfc_end && f.nfc_end <= doc->nfc.size());
      const auto where = doc->original_span(f.nfc_begin, f.nfc_end);
      FUZZ_REQUIRE(where.start <= where.end && where.end <= doc->original.size());
    }
  }
  return 0;
}
