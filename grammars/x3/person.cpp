// The person grammar's instantiation and its facade: parse_person and person_triggers.
#include <algorithm>

#include "x3/person_def.hpp"

namespace doichieu::grammars {
namespace names {

BOOST_SPIRIT_INSTANTIATE(titled_person_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(honorific_person_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(name_first_person_type, iterator_type, context_type)

const titled_person_type& titled_person_rule() { return titled_person; }
const honorific_person_type& honorific_person_rule() { return honorific_person; }
const name_first_person_type& name_first_person_rule() { return name_first_person; }

// True when `offset` starts a word of doc.folded (the extractor promises token starts; trigger
// patterns have no look-behind, so "bà" can be reported inside "bàn" only through a bug elsewhere).
bool at_word_start(const document& doc, std::size_t offset) {
  if (offset == 0) return true;
  std::size_t i = offset - 1;
  while (i > 0 && (static_cast<unsigned char>(doc.folded[i]) & 0xC0) == 0x80) --i;
  return !u_isalnum(peek_cp(doc.folded.data() + i, doc.folded.data() + doc.folded.size()));
}

std::string escape_regex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\.^$|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string alternation(std::vector<std::string> keys) {
  // Longest first so that the reported match is the whole phrase; RE2 alternation is leftmost-first.
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string out = "(?:";
  for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? "|" : "") + escape_regex(keys[i]);
  return out + ")";
}

}  // namespace names

std::optional<parse_outcome> parse_person(const parse_request& req) {
  if (!req.lex.person) return std::nullopt;
  const document& doc = req.doc;
  const std::size_t limit = std::min(req.limit, doc.folded.size());
  if (req.begin >= limit || !names::at_word_start(doc, req.begin)) return std::nullopt;

  names::env e{&doc, &req.lex.person->orgs, req.lex.person.get(), nullptr};
  const names::env* env_ptr = &e;
  const names::context_type ctx = boost::spirit::x3::make_context<names::env_tag>(env_ptr);
  const char* const start = doc.folded.data() + req.begin;
  const char* const last = doc.folded.data() + limit;

  std::optional<names::person_ast> best;
  const char* best_end = start;
  auto consider = [&](const auto& rule) {
    const char* it = start;
    names::person_ast ast;
    try {
      if (rule.parse(it, last, ctx, boost::spirit::x3::unused, ast) && it > best_end) {
        best = std::move(ast);
        best_end = it;
      }
    } catch (const boost::spirit::x3::expectation_failure<const char*>&) {
      // No expectation points in this grammar today; a failure is simply "no person here".
    }
  };
  consider(names::titled_person_rule());
  consider(names::honorific_person_rule());
  consider(names::name_first_person_rule());
  if (!best) return std::nullopt;

  auto nfc_text = [&](const names::piece& p) {
    return doc.nfc.substr(static_cast<std::size_t>(p.begin - doc.folded.data()),
                          static_cast<std::size_t>(p.end - p.begin));
  };
  fact f;
  f.kind = fact_kind::person;
  f.nfc_begin = req.begin;
  f.nfc_end = static_cast<std::size_t>(best_end - doc.folded.data());
  f.person.name = nfc_text(best->name);
  for (const auto& p : best->pre) f.person.titles.push_back(nfc_text(p));
  for (const auto& p : best->post) f.person.titles.push_back(nfc_text(p));
  return parse_outcome{f.nfc_end, std::move(f)};
}

std::vector<std::string> person_triggers(const person_lexicon& lex) {
  // Honorifics, ranks and positions start the "title first" orders; a family name starts "name first".
  std::vector<std::string> titles = lex.honorific_keys;
  titles.insert(titles.end(), lex.rank_keys.begin(), lex.rank_keys.end());
  titles.insert(titles.end(), lex.position_keys.begin(), lex.position_keys.end());
  return {names::alternation(std::move(titles)), names::alternation(lex.surname_keys)};
}

}  // namespace doichieu::grammars
