// grammars/x3/config.hpp — the ONE place that pins the X3 iterator and context types.
//
// Every grammar family parses `doc.folded` as raw UTF-8 bytes through `const char*` iterators, without a
// skipper (spaces are explicit, see common.hpp: `hspace`), and receives its immutable lexicon through the
// context with `x3::with<Tag>(lexicon)`. BOOST_SPIRIT_INSTANTIATE needs the exact context type that the
// facade builds, so it is spelled here once per family instead of being guessed in each .cpp.
//
//   auto const& env = ...;                                        // a family's lexicon or environment
//   auto ctx = x3::make_context<numeric_env_tag>(env);            // == context_for<numeric_env_tag, env_t>
//   rule.parse(first, last, ctx, x3::unused, attr);
//
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_CONFIG_HPP_
#define DOICHIEU_GRAMMARS_X3_CONFIG_HPP_

#include <boost/spirit/home/x3.hpp>

namespace doichieu::grammars::x3_config {

namespace x3 = boost::spirit::x3;

// Grammars read doc.folded between req.begin and req.limit.
using iterator_type = const char*;

// The context built by `x3::with<Tag>(env)[p]` (an lvalue `const Env&`) or by x3::make_context<Tag>(env):
// with<> keeps a reference and make_context stores `T&`, so the context holds `const Env`.
template <class Tag, class Env>
using context_for = x3::context<Tag, const Env, x3::unused_type>;

}  // namespace doichieu::grammars::x3_config

#endif  // DOICHIEU_GRAMMARS_X3_CONFIG_HPP_
