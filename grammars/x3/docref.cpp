// The docref grammar's instantiation and its facade: parse_docref and docref_triggers.
#include <algorithm>

#include "x3/docref_def.hpp"

namespace doichieu::grammars {
namespace names {

BOOST_SPIRIT_INSTANTIATE(numbered_docref_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(congress_docref_type, iterator_type, context_type)

const numbered_docref_type& numbered_docref_rule() { return numbered_docref; }
const congress_docref_type& congress_docref_rule() { return congress_docref; }

// Defined in person.cpp.
bool at_word_start(const document& doc, std::size_t offset);
std::string alternation(std::vector<std::string> keys);

}  // namespace names

namespace {

namespace x3 = boost::spirit::x3;

std::string nfc_text(const document& doc, const names::piece& p) {
  return doc.nfc.substr(static_cast<std::size_t>(p.begin - doc.folded.data()),
                        static_cast<std::size_t>(p.end - p.begin));
}

// True when the whole of `p` is one phrase of `table` (the doctype needs "số" before its number).
bool whole_phrase(const phrase_table& table, const names::piece& p) {
  const char* it = p.begin;
  x3::unused_type unused;
  return table.parse(it, p.end, x3::unused, unused, unused) && it == p.end;
}

bool capitalised(const document& doc, const names::piece& p) {
  const char* nfc = doc.nfc.data() + (p.begin - doc.folded.data());
  const UChar32 c = names::peek_cp(nfc, doc.nfc.data() + doc.nfc.size());
  return u_isupper(c) || u_istitle(c);
}

bool code_like(const names::piece& number) {
  return std::any_of(number.begin, number.end, [](char c) { return c == '-' || c == '/' || (c < '0' || c > '9'); });
}

}  // namespace

std::optional<parse_outcome> parse_docref(const parse_request& req) {
  if (!req.lex.docref) return std::nullopt;
  const document& doc = req.doc;
  const std::size_t limit = std::min(req.limit, doc.folded.size());
  if (req.begin >= limit || !names::at_word_start(doc, req.begin)) return std::nullopt;

  const docref_lexicon& lex = *req.lex.docref;
  names::env e{&doc, &lex.orgs, nullptr, &lex};
  const names::env* env_ptr = &e;
  const names::context_type ctx = x3::make_context<names::env_tag>(env_ptr);
  const char* const start = doc.folded.data() + req.begin;
  const char* const last = doc.folded.data() + limit;

  fact f;
  f.kind = fact_kind::docref;
  f.nfc_begin = req.begin;
  const char* end = start;

  try {
    const char* it = start;
    names::numbered_docref_ast numbered;
    if (names::numbered_docref_rule().parse(it, last, ctx, x3::unused, numbered)) {
      // Without "số", a bare number after an ordinary word ("quyết định 3 dự án") is not a reference:
      // accept a code-like number, or a capitalised doctype that is not an ordinary word.
      const bool accepted = numbered.marked || code_like(numbered.number) ||
                            (capitalised(doc, numbered.doctype) && !whole_phrase(lex.marker_doctypes, numbered.doctype));
      if (accepted) {
        end = it;
        f.docref.doctype = nfc_text(doc, numbered.doctype);
        f.docref.number = nfc_text(doc, numbered.number);
        if (numbered.issuer) f.docref.issuer = nfc_text(doc, *numbered.issuer);
        if (numbered.date) f.docref.date = civil_time{numbered.date->year, numbered.date->month, numbered.date->day, {}, {}, {}};
      }
    }
    it = start;
    names::congress_docref_ast congress;
    if (names::congress_docref_rule().parse(it, last, ctx, x3::unused, congress) && it > end &&
        (congress.numeral || congress.issuer_before || congress.issuer_after)) {
      end = it;
      f.docref = {};
      f.docref.doctype = nfc_text(doc, congress.doctype) + " " + nfc_text(doc, congress.congress);
      if (congress.numeral) f.docref.number = nfc_text(doc, *congress.numeral);
      if (congress.issuer_after) f.docref.issuer = nfc_text(doc, *congress.issuer_after);
      else if (congress.issuer_before) f.docref.issuer = nfc_text(doc, *congress.issuer_before);
    }
  } catch (const x3::expectation_failure<const char*>&) {
    return std::nullopt;  // no expectation points today; a failure means "no reference here"
  }
  if (end == start) return std::nullopt;
  f.nfc_end = static_cast<std::size_t>(end - doc.folded.data());
  return parse_outcome{f.nfc_end, std::move(f)};
}

std::vector<std::string> docref_triggers(const docref_lexicon& lex) {
  return {names::alternation(lex.doctype_keys)};
}

}  // namespace doichieu::grammars
