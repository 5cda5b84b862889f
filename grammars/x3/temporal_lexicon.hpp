// grammars/x3/temporal_lexicon.hpp — the temporal family's tables (months, weekdays, parts of day,
// relative words, seasons, holidays, marker words), built once from grammars/lexicon/vi/temporal*.json.
//
//   auto lex = load_temporal_lexicon(dir);               // grammars/src/temporal_lexicon.cpp
//   x3::with<temporal_lexicon_tag>(**lex)[grammar]      // parsers read the tables through the context
//
// Every table is an x3::symbols keyed by folded NFC text; the int is the table's value (a month, a day
// offset, an index into `parts`/`seasons`/`holidays`, a grain, or 0 for plain marker words). Immutable
// after loading; x3::symbols::parse is const, so one lexicon serves every thread.
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_TEMPORAL_LEXICON_HPP_
#define DOICHIEU_GRAMMARS_X3_TEMPORAL_LEXICON_HPP_

#include <set>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

namespace doichieu::grammars {

struct temporal_lexicon_tag;

struct temporal_lexicon {
  // A part of day: its hour interval [from, to) and the clock hours that it moves to the afternoon
  // ("3 giờ chiều" = 15:00): hours in [pm_low, pm_high] get +12; pm_low = 0 means none.
  struct part_of_day {
    int from = 0, to = 0, pm_low = 0, pm_high = 0;
  };
  struct hour_period {
    int from = 0, to = 0;
  };
  struct season {
    int from_month = 0, from_day = 0, to_month = 0, to_day = 0;
  };
  struct holiday {
    int month = 0, day = 0;
    bool lunar = false;  // "Tết Nguyên đán", "Giỗ Tổ Hùng Vương": a day of the lunar calendar
  };

  using table = boost::spirit::x3::symbols<int>;

  table numbers;             // "ba" -> 3 (clock hours, counts)
  table month_words;         // "giêng" -> 1, "tư" -> 4
  table quarter_words;       // "iv" -> 4
  table weekdays;            // "thứ năm" / "thứ 5" -> 4 (ISO: Monday = 1 ... Sunday = 7)
  table relative_days;       // "hôm qua" -> -1
  table short_relative_days; // after a part of day: "nay" -> 0, "mai" -> 1
  table grain_words;         // "tuần" -> grain::week (as int)
  table shift_words;         // after a grain word: "trước" -> -1
  table span_directions;     // after "N <grain>": "tới" -> +1, "vừa qua" -> -1
  table weekday_directions;  // after a weekday: "tới" -> +1
  table parts_table;         // -> index into parts
  table standalone_table;    // -> index into standalone
  table seasons_table;       // -> index into seasons
  table holidays_table;      // -> index into holidays
  table lunar_month_words;   // month names only the lunar calendar uses: "giêng" -> 1, "chạp" -> 12
  table can_words;           // heavenly stems of a year name: "giáp" -> 0 ... "quý" -> 9
  table chi_words;           // earthly branches: "tý" -> 0 ... "hợi" -> 11
  table meridiem_words;      // "am" -> 0, "pm" -> 12 (clock times written the English way: "4pm")
  table time_zones;          // "cet" -> 60: minutes east of UTC of a named zone after a clock time
  table now_words, week_words, of_words, first_words, day_markers, month_markers, year_markers,
      quarter_markers, hour_markers, minute_markers, second_markers, half_words, minus_words, clock_leads,
      range_from, range_to, period_words,
      full_moon_words,  // "rằm": the 15th of a lunar month
      tet_words,        // "Tết" after a day: "mùng 1 Tết" is the 1st of the lunar first month
      lunar_markers,    // "âm lịch", "âl" after a date
      leap_words,       // "nhuận" after a lunar month
      year_leads;       // words before a bare four-digit year: "tầm nhìn 2050", "đến 2030", "cuối 2024"


  std::vector<part_of_day> parts;
  std::vector<hour_period> standalone;
  std::vector<season> seasons;
  std::vector<holiday> holidays;

  // Words whose presence right before a bare weekday makes it a day ("vào thứ Năm"), not an ordinal
  // ("lần thứ năm"); words that may follow a bare "d/m" that is a date rather than a fraction.
  std::set<std::string> weekday_preceders;
  std::set<std::string> date_followers;
  // Words that make "năm qua" plural ("những năm qua": the past years, not last year).
  std::set<std::string> plural_markers;

  // Every word that can open a temporal expression (first words of the tables above); the triggers.
  std::set<std::string> openers;
};

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_X3_TEMPORAL_LEXICON_HPP_
