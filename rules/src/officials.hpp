// rules/src/officials.hpp — the officials gazetteer and canonical position keys, shared by
// title_held_on_date and one_holder_per_position (internal).
#ifndef DOICHIEU_RULES_SRC_OFFICIALS_HPP_
#define DOICHIEU_RULES_SRC_OFFICIALS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu::rules {

// A position written any way ("Chủ tịch UBND tỉnh Quảng Ninh", "chủ tịch Uỷ ban nhân dân tỉnh Quảng Ninh")
// as one key: folded, abbreviations (UBND, HĐND, TW, TP) expanded, old tone placement (uỷ, hoà) folded to
// the new one, punctuation and repeated spaces dropped.
std::string position_key(std::string_view title);

// Days since 0000-03-01 of an ISO date "YYYY-MM-DD"; nullopt when malformed.
std::optional<long> iso_day(std::string_view iso);

struct tenure {
  std::string person;        // as written
  std::string person_key;    // folded name
  std::string position;      // as written: position + " " + organisation
  std::string key;           // position_key(position)
  std::string from, to;      // ISO; `to` empty = in office as far as the source says
  long from_day = 0, to_day = 0;  // to_day = a far future when open
  bool covers(long day) const { return from_day <= day && day <= to_day; }
};

// Reads one gazetteer file: {"officials": [{person, position, organisation, from, to, source, note?}]}.
// Errors: bad_rule / bad_config (`kind`) naming the file and the entry index.
result<std::vector<tenure>> read_gazetteer(const std::string& path, error_kind kind);

// Single-holder posts (folded) from titles.json's "single_holder" list; a title is single-holder when it
// starts with one of them and names an organisation after it.
bool is_single_holder(const std::string& key, const std::vector<std::string>& posts);

// Whether a person fact's title is not a current one of that person: "nguyên"/"cựu" (folded `former_cues`)
// right before the fact, or, for its last title written after the name, a verb (folded `clause_verbs`) right
// after it ("… cho đồng chí Bùi Văn Nam, Chủ tịch nước nêu rõ": the title opens the next clause).
bool former_title(const document& doc, const fact& f, const std::vector<std::string>& former_cues);
bool title_opens_clause(const document& doc, const fact& f, std::size_t title_index,
                        const std::vector<std::string>& clause_verbs);

// The titles.json lists both position kinds use, keyed (position_key) or folded once at load.
struct position_lists {
  std::vector<std::string> single_holder;     // position keys
  std::vector<std::string> shared_positions;  // position keys
  std::vector<std::string> former_cues;       // folded
  std::vector<std::string> clause_verbs;      // folded
};

// Reads them from titles.json (`path`, for errors). Errors: bad_rule naming the file and the key.
result<position_lists> read_position_lists(const nlohmann::json& data, const std::string& path,
                                           const std::string& data_dir);

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_SRC_OFFICIALS_HPP_
