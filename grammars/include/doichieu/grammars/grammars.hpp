// doichieu/grammars/grammars.hpp — the Vietnamese notation grammars, behind plain functions.
//
//   auto lex = doichieu::grammars::load_lexicon(data_dir + "/grammars/lexicon/vi");
//   parse_request req{doc, pos, sentence_end, **lex};
//   if (auto out = parse_numeric(req)) { if (out->value) facts.push_back(*out->value); pos = out->end; }
//
// Four families, each an X3 grammar compiled in its own translation unit (grammars/x3/<family>*.cpp);
// no Boost type appears here. Vocabulary (scale words, units, currencies, months, ranks, positions,
// organisations, document types) is data in grammars/lexicon/vi/*.json, loaded once into an immutable
// lexicon that the grammars receive through the X3 context — no mutable globals, so parsing is reentrant.
//
// Every parser works on doc.folded (lower-cased, same offsets as doc.nfc) starting exactly at `begin`
// (a token start) and never reads past `limit` (the sentence end). It returns nullopt when nothing of its
// family starts there. Otherwise `end` is the nfc offset just after what it consumed and `value` is the
// fact, with kind, payload, nfc_begin and nfc_end set (the extractor fills span, text and sentence).
// A parse may consume text and produce no fact: "QL 1, 18" or "Trụ sở 1" are read so that their digits
// are never taken for figures.
#ifndef DOICHIEU_GRAMMARS_GRAMMARS_HPP_
#define DOICHIEU_GRAMMARS_GRAMMARS_HPP_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu::grammars {

// Each family's tables, defined next to its grammar. Immutable once loaded.
struct numeric_lexicon;
struct temporal_lexicon;
struct person_lexicon;
struct docref_lexicon;

struct lexicon {
  std::shared_ptr<const numeric_lexicon> numeric;
  std::shared_ptr<const temporal_lexicon> temporal;
  std::shared_ptr<const person_lexicon> person;
  std::shared_ptr<const docref_lexicon> docref;
};

// Loads every family's tables from `dir` (grammars/lexicon/vi). Errors: bad_lexicon naming the file and key.
result<std::shared_ptr<const lexicon>> load_lexicon(const std::string& dir);
result<std::shared_ptr<const numeric_lexicon>> load_numeric_lexicon(const std::string& dir);
result<std::shared_ptr<const temporal_lexicon>> load_temporal_lexicon(const std::string& dir);
result<std::shared_ptr<const person_lexicon>> load_person_lexicon(const std::string& dir);
result<std::shared_ptr<const docref_lexicon>> load_docref_lexicon(const std::string& dir);

struct parse_request {
  const document& doc;
  std::size_t begin;  // nfc offset of a token start
  std::size_t limit;  // nfc offset the parse must not pass
  const lexicon& lex;
};

struct parse_outcome {
  std::size_t end = 0;        // nfc offset after the consumed text (> begin)
  std::optional<fact> value;  // empty: consumed text that is not a fact (road number, code, ...)
};

// number, ordinal, money, quantity, percent, ratio, fraction, duration; hedges and intervals.
std::optional<parse_outcome> parse_numeric(const parse_request& req);
// date and time: absolute, yearless, relative to doc.published, periods.
std::optional<parse_outcome> parse_temporal(const parse_request& req);
// a person with ranks/positions/organisations before or after the name, or an honorific + name.
std::optional<parse_outcome> parse_person(const parse_request& req);
// document references: "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị".
std::optional<parse_outcome> parse_docref(const parse_request& req);

// RE2 patterns (RE2 syntax, matched against doc.folded) for the places where each family can start.
// The extractor compiles them once into its candidate scanner; a position that no trigger marks is never
// handed to the parser of that family. Patterns must not use look-around (RE2 has none).
std::vector<std::string> numeric_triggers(const numeric_lexicon& lex);
std::vector<std::string> temporal_triggers(const temporal_lexicon& lex);
std::vector<std::string> person_triggers(const person_lexicon& lex);
std::vector<std::string> docref_triggers(const docref_lexicon& lex);

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_GRAMMARS_HPP_
