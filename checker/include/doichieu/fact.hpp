// doichieu/fact.hpp — the typed facts extracted from a report.
//
// A fact is a plain value: its kind, where it is (original byte span, line, column) and the payload of
// that kind. Only the payload struct matching `kind` is meaningful; the others stay default. This keeps
// facts trivially copyable into rules, JSON and the C ABI without a class hierarchy.
//
// JSON shape (schemas/facts.schema.json): {"kind", "document", "start", "end", "line", "column", "text", ...}
#ifndef DOICHIEU_FACT_HPP_
#define DOICHIEU_FACT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/decimal.hpp>

namespace doichieu {

enum class fact_kind {
  number,    // amount.value
  ordinal,   // amount.value
  money,     // amount.value + amount.unit (ISO 4217, or "$"/"£"/"cent" when ambiguous)
  quantity,  // amount.value + amount.unit ("m2", "tấn", "biên chế", ...)
  percent,   // amount.value (15 for 15%)
  ratio,     // amount.value (2.23 for "gấp 2,23 lần")
  fraction,  // fraction
  date,      // when
  time,      // when (with a clock time)
  duration,  // amount.value + amount.unit (year|month|week|day|hour|minute|second)
  person,    // person
  docref,    // docref
};
std::string_view to_string(fact_kind kind) noexcept;
std::optional<fact_kind> fact_kind_from_string(std::string_view name) noexcept;

// How a figure was hedged in the text.
enum class qualifier { exact, about, over, under, at_least, at_most };
std::string_view to_string(qualifier q) noexcept;

// A numeric payload: either a point `value` or an interval `from`/`to` (either end may be open).
struct amount {
  std::optional<decimal> value;
  std::optional<decimal> from;
  std::optional<decimal> to;
  qualifier qual = qualifier::exact;
  std::string unit;     // money: currency code; quantity/duration: unit; empty otherwise
  std::string counted;  // the counted noun after a plain number ("biên chế" in "1.000 biên chế"), folded
};

struct fraction_value {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
};

enum class grain { second, minute, hour, day, week, month, quarter, year };
std::string_view to_string(grain g) noexcept;

// A calendar date/time where any part may be unknown ("7/3" has no year).
struct civil_time {
  std::optional<int> year, month, day, hour, minute, second;
};
// ISO 8601 local: "2024-03-07", "2024-03", "2024", "--03-07" (no year), "2024-03-07T14:30:00".
std::string to_iso(const civil_time& t);

struct when {
  std::optional<civil_time> value;  // a point
  std::optional<civil_time> from;   // or an interval — either end may be open. A period written in the text
  std::optional<civil_time> to;     // keeps its written end, inclusive at its grain ("nhiệm kỳ 2020-2025":
                                    // to = 2025); a computed span ("3 ngày tới", "tối nay") is half-open.
  grain precision = grain::day;
  // A lunar date ("rằm tháng Giêng", "10/3 âm lịch"): `lunar` holds it as written (lunar year, month, day;
  // year absent when neither the text nor the publication date gives it) and `value` its Gregorian day
  // when the lunar year is known — else `value` repeats the lunar month and day, and rules comparing
  // Gregorian dates must skip it (lunar_leap: a leap month, "tháng 2 nhuận").
  bool lunar_calendar = false;
  std::optional<civil_time> lunar;
  bool lunar_leap = false;
  // "hôm qua (25/11)": the explicit date is the value; `relative` is the day the relative word gives
  // against the publication date, recorded only when the two disagree (a rule can flag it).
  std::optional<civil_time> relative;
  // "4pm CET": the clock time is as written, in the zone the text names (minutes east of UTC).
  std::optional<int> utc_offset_minutes;
};

struct person_value {
  std::string name;                 // as written, NFC: "Tô Lâm"
  std::vector<std::string> titles;  // as written, NFC, in text order: "Đại tướng", "Bộ trưởng Bộ Công an"
};

struct docref_value {
  std::string doctype;              // "Nghị quyết"
  std::string number;               // "12-NQ/TW", "06"
  std::string issuer;               // "Bộ Chính trị" (empty when not stated)
  std::optional<civil_time> date;   // issue date when stated
};

// Where a fact sits. Offsets are UTF-8 bytes into the input exactly as given (end exclusive);
// line/column are 1-based, column counted in code points.
struct span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct fact {
  fact_kind kind = fact_kind::number;
  span where;                // in the original bytes
  std::size_t nfc_begin = 0; // the same span in the document's normalised text
  std::size_t nfc_end = 0;
  std::size_t sentence = 0;  // index into document::sentences
  std::string text;          // the original bytes of the span

  amount amount_value;
  fraction_value fraction;
  when time_value;
  person_value person;
  docref_value docref;
};

}  // namespace doichieu

#endif  // DOICHIEU_FACT_HPP_
