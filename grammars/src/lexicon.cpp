// The whole lexicon: each family loads its own tables from grammars/lexicon/vi.
#include <doichieu/grammars/grammars.hpp>

namespace doichieu::grammars {

result<std::shared_ptr<const lexicon>> load_lexicon(const std::string& dir) {
  auto numeric = load_numeric_lexicon(dir);
  if (!numeric) return numeric.error();
  auto temporal = load_temporal_lexicon(dir);
  if (!temporal) return temporal.error();
  auto person = load_person_lexicon(dir);
  if (!person) return person.error();
  auto docref = load_docref_lexicon(dir);
  if (!docref) return docref.error();
  auto lex = std::make_shared<lexicon>();
  lex->numeric = std::move(*numeric);
  lex->temporal = std::move(*temporal);
  lex->person = std::move(*person);
  lex->docref = std::move(*docref);
  return std::shared_ptr<const lexicon>(std::move(lex));
}

}  // namespace doichieu::grammars
