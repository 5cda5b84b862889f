// grammars/x3/temporal_ast.hpp — what the temporal grammar reads, before it is resolved to a date.
//
// Plain structs, no X3. Every field is optional because Vietnamese time expressions combine freely
// ("3 giờ chiều ngày mai", "thứ Năm (7/3)", "tuần đầu tiên của tháng 9 năm 2017"); resolution against
// the publication date happens in temporal.cpp, not in the grammar.
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_TEMPORAL_AST_HPP_
#define DOICHIEU_GRAMMARS_X3_TEMPORAL_AST_HPP_

#include <optional>

namespace doichieu::grammars::temporal_ast_types {

// A numeric calendar date "16/3/2022", "19.8.1945", "7-3", "3/9/91". Reusable by other families
// (docref reads the date of a document with it). year = 0 when absent; two-digit years are expanded
// (< 50 -> 20xx, else 19xx). `separator` is '/', '-' or '.'.
struct numeric_date_ast {
  int day = 0;
  int month = 0;
  int year = 0;
  char separator = '/';
};

struct temporal_ast {
  std::optional<int> day, month, year, quarter;
  std::optional<int> weekday;       // 1 = Monday ... 7 = Sunday
  std::optional<int> weekday_dir;   // "thứ ba tới" +1, "thứ ba vừa rồi" -1
  std::optional<int> week_shift;    // "thứ năm tuần tới" +1
  std::optional<int> day_offset;    // "hôm qua" -1
  std::optional<int> part;          // index into temporal_lexicon::parts
  std::optional<int> standalone;    // index into temporal_lexicon::standalone
  std::optional<int> hour, minute, second, minus;
  std::optional<int> shift_grain, shift;                  // "tuần trước": week, -1
  std::optional<int> span_count, span_grain, span_dir;    // "3 ngày tới": 3, day, +1
  std::optional<int> season, season_year, season_shift;   // "mùa hè năm nay"
  std::optional<int> holiday;
  std::optional<int> month_dir;     // "tháng 3 tới" +1, "tháng 1 vừa qua" -1
  std::optional<char> separator;    // of a numeric date
  std::optional<int> can, chi;      // a sexagenary year name "Giáp Thìn": stem 0..9, branch 0..11
  std::optional<int> meridiem;      // "4pm": 12, "9am": 0
  std::optional<int> zone;          // "CET": minutes east of UTC
  bool half = false;        // "rưỡi"
  bool now = false;         // "bây giờ"
  bool first_day = false;   // "ngày đầu tiên của ..."
  bool first_week = false;  // "tuần đầu tiên của ..."
  bool marked = false;      // a day marker ("ngày", "mồng") or another word made it a date for sure
  bool clock_lead = false;  // "lúc", "vào lúc"
  bool clock_words = false; // the clock was written "N giờ" with nothing after the hour
  bool lunar = false;       // a lunar date: "tháng Giêng", "rằm", "mùng 1 Tết", "âm lịch", a can-chi year
  bool lunar_leap = false;  // "tháng 2 nhuận"
};

// Fields set in `from` overwrite those of `into`; flags are or-ed.
inline void merge(temporal_ast& into, const temporal_ast& from) {
  auto take = [](auto& a, const auto& b) {
    if (b) a = b;
  };
  take(into.day, from.day);
  take(into.month, from.month);
  take(into.year, from.year);
  take(into.quarter, from.quarter);
  take(into.weekday, from.weekday);
  take(into.weekday_dir, from.weekday_dir);
  take(into.week_shift, from.week_shift);
  take(into.day_offset, from.day_offset);
  take(into.part, from.part);
  take(into.standalone, from.standalone);
  take(into.hour, from.hour);
  take(into.minute, from.minute);
  take(into.second, from.second);
  take(into.minus, from.minus);
  take(into.shift_grain, from.shift_grain);
  take(into.shift, from.shift);
  take(into.span_count, from.span_count);
  take(into.span_grain, from.span_grain);
  take(into.span_dir, from.span_dir);
  take(into.season, from.season);
  take(into.season_year, from.season_year);
  take(into.season_shift, from.season_shift);
  take(into.holiday, from.holiday);
  take(into.month_dir, from.month_dir);
  take(into.separator, from.separator);
  take(into.can, from.can);
  take(into.meridiem, from.meridiem);
  take(into.zone, from.zone);
  take(into.chi, from.chi);
  into.half = into.half || from.half;
  into.now = into.now || from.now;
  into.first_day = into.first_day || from.first_day;
  into.first_week = into.first_week || from.first_week;
  into.marked = into.marked || from.marked;
  into.clock_lead = into.clock_lead || from.clock_lead;
  into.clock_words = into.clock_words || from.clock_words;
  into.lunar = into.lunar || from.lunar;
  into.lunar_leap = into.lunar_leap || from.lunar_leap;
}

// "từ 7/3 đến 9/3", "nhiệm kỳ 2020-2025", "(19.8.1945 - 19.8.2025)".
struct temporal_interval_ast {
  temporal_ast left, right;
};

}  // namespace doichieu::grammars::temporal_ast_types

#endif  // DOICHIEU_GRAMMARS_X3_TEMPORAL_AST_HPP_
