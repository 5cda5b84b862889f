// rules/src/kind_util.hpp — small text and number helpers shared by the in-report kinds (internal).
#ifndef DOICHIEU_RULES_SRC_KIND_UTIL_HPP_
#define DOICHIEU_RULES_SRC_KIND_UTIL_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/decimal.hpp>
#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>

namespace doichieu::rules {

// `cue` occurs in `text` as whole words (a space, punctuation or an end on either side).
bool has_word(std::string_view text, std::string_view cue);
bool has_any_word(std::string_view text, const std::vector<std::string>& cues);
// Where the last whole-word occurrence of `cue` in `text` starts, or npos.
std::size_t rfind_word(std::string_view text, std::string_view cue);

// The folded text of an nfc range, clamped to the document.
std::string_view folded_range(const document& doc, std::size_t begin, std::size_t end);
// The folded text of a fact's sentence before / after the fact.
std::string_view sentence_before(const document& doc, const fact& f);
std::string_view sentence_after(const document& doc, const fact& f);
// The clause before a fact: its sentence back to the last , ; : ( or the sentence start.
std::string_view clause_before(const document& doc, const fact& f);

// A figure with one point value (not a range), for arithmetic between figures.
bool is_point_figure(const fact& f);
// Same kind of thing: same fact kind, unit and counted noun.
bool same_measure(const fact& a, const fact& b);

// A double as an exact decimal with at most `places` digits after the point, for messages.
decimal decimal_from_double(double v, int places);
// Half a unit of the last written digit of a decimal (796 -> 0.5, 2,5 -> 0.05, 1.000 -> 500).
double half_last_digit(const decimal& d);

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_SRC_KIND_UTIL_HPP_
