// The temporal family: instantiation of the X3 forms, the facade parse_temporal / temporal_triggers, and
// resolution of what was read against the publication date.
//
// Resolution conventions (documented here because rules and the peer suite depend on them):
// - Yearless dates ("7/3", "tháng 6", "quý 3", "Giáng sinh") take the year that puts them nearest to the
//   publication date (so always within ±6 months; a tie goes to the future). News mostly reports the
//   recent past or announces the near future, which Duckling's "next occurrence" gets wrong for a
//   February report about "12/10" last autumn. Without a publication date they stay yearless ("--03-07").
// - "tháng 3 tới" and the like are the next occurrence after the publication date.
// - Weekdays without a date follow the peer suite: the next occurrence on or after the publication day
//   ("thứ ba tới": strictly after; "thứ ba vừa rồi": strictly before; "thứ năm tuần tới": by week).
// - Clock times without a date are on the publication day. When the publication time is known they are
//   the next occurrence (Duckling): "1:18 sáng" published at 03:55 is the next day, and a 12-hour time
//   without a part of day ("2:30") is the first of 02:30 / 14:30 not before it.
// - Relative expressions without a publication date cannot be resolved: they are consumed, no fact.
// - Written periods ("nhiệm kỳ 2020-2025", "từ 7/3 đến 9/3", "(19.8.1945 - 19.8.2025)") become one fact
//   whose `to` is the end as written (inclusive at the fact's grain), so a rule compares 2025 with 2025.
//   Computed spans ("3 ngày tới", "tối nay", "mùa hè này") are half-open like Duckling's.
// - Lunar dates ("rằm tháng Giêng", "mùng 1 Tết", "10/3 âm lịch", "Tết Nguyên đán Giáp Thìn 2024") are
//   marked calendar=lunar with the lunar date as written; the value is their Gregorian day (Hồ Ngọc Đức's
//   algorithm, UTC+7) when the lunar year is written, named by can-chi (nearest the publication year) or,
//   failing both, the one whose Gregorian day is nearest the publication date. Without any of these the
//   value is the lunar month and day, yearless — rules comparing Gregorian dates must skip it.
// - A relative word with its explicit date ("hôm qua (25/11)", "sáng nay (6/2)") is one fact valued by the
//   explicit date; `relative` keeps the day the word gives against the publication date when they differ.
//   With a part of day it is a time interval on that date, like "sáng 7-3" and "chiều thứ Năm (7/3)".
// - A bare four-digit year 1900-2100 after a year word ("tầm nhìn 2050", "đến 2030", "cuối 2024"; lexicon
//   `year_leads`) is a year spanning the digits, unless the numeric family reads a count or unit after it.
// - A clock time with a named zone ("4pm CET", "14h GMT") stays as written and carries utc_offset.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <doichieu/grammars/grammars.hpp>
#include <doichieu/grammars/lunar_calendar.hpp>

#include "x3/temporal.hpp"
#include "x3/temporal_def.hpp"

namespace doichieu::grammars {

namespace temporal_x3 {
BOOST_SPIRIT_INSTANTIATE(numeric_date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(now_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(span_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(shift_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(season_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(standalone_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(holiday_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(first_of_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(weekday_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(part_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(relative_clock_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(clock_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(relative_day_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(day_date_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(month_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(quarter_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(period_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(range_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(date_range_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_range_form_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(bare_year_form_type, iterator_type, context_type)
}  // namespace temporal_x3

namespace {

using temporal_x3::form_id;
using temporal_ast_types::temporal_ast;
using temporal_ast_types::temporal_interval_ast;

// ---- civil calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days) ----

std::int64_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

int iso_weekday(std::int64_t days) noexcept { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }

// A resolved instant, second precision.
struct moment {
  int y = 1970, m = 1, d = 1, h = 0, mi = 0, s = 0;
  std::int64_t day_number() const noexcept { return days_from_civil(y, m, d); }
  std::int64_t seconds() const noexcept { return day_number() * 86400 + h * 3600 + mi * 60 + s; }
  static moment from_days(std::int64_t z) noexcept {
    moment t;
    civil_from_days(z, t.y, t.m, t.d);
    return t;
  }
  static moment from_seconds(std::int64_t secs) noexcept {
    std::int64_t z = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    moment t = from_days(z);
    std::int64_t rest = secs - z * 86400;
    t.h = static_cast<int>(rest / 3600);
    t.mi = static_cast<int>(rest % 3600 / 60);
    t.s = static_cast<int>(rest % 60);
    return t;
  }
};

moment truncate(moment t, grain g) noexcept {
  switch (g) {
    case grain::year: t.m = 1; [[fallthrough]];
    case grain::month: t.d = 1; [[fallthrough]];
    case grain::day: t.h = 0; [[fallthrough]];
    case grain::hour: t.mi = 0; [[fallthrough]];
    case grain::minute: t.s = 0; [[fallthrough]];
    case grain::second: break;
    case grain::quarter: t = truncate(t, grain::month); t.m = (t.m - 1) / 3 * 3 + 1; break;
    case grain::week: {
      const std::int64_t z = t.day_number();
      t = moment::from_days(z - (iso_weekday(z) - 1));
      break;
    }
  }
  return t;
}

moment add(moment t, grain g, std::int64_t n) noexcept {
  auto add_months = [&](std::int64_t months) {
    std::int64_t total = static_cast<std::int64_t>(t.y) * 12 + (t.m - 1) + months;
    t.y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    t.m = static_cast<int>(total - static_cast<std::int64_t>(t.y) * 12) + 1;
    return t;
  };
  switch (g) {
    case grain::second: return moment::from_seconds(t.seconds() + n);
    case grain::minute: return moment::from_seconds(t.seconds() + 60 * n);
    case grain::hour: return moment::from_seconds(t.seconds() + 3600 * n);
    case grain::day: return moment::from_seconds(t.seconds() + 86400 * n);
    case grain::week: return moment::from_seconds(t.seconds() + 7 * 86400 * n);
    case grain::month: return add_months(n);
    case grain::quarter: return add_months(3 * n);
    case grain::year: return add_months(12 * n);
  }
  return t;
}

// The civil_time printed for a moment at a grain: nothing finer than the grain.
civil_time at_grain(const moment& t, grain g) {
  civil_time c;
  c.year = t.y;
  if (g == grain::year) return c;
  c.month = t.m;
  if (g == grain::quarter || g == grain::month) return c;
  c.day = t.d;
  if (g == grain::week || g == grain::day) return c;
  c.hour = t.h;
  c.minute = t.mi;
  c.second = t.s;
  return c;
}

bool finer(grain a, grain b) noexcept { return static_cast<int>(a) < static_cast<int>(b); }

enum class status { fact, consumed, rejected };

struct resolved {
  status state = status::rejected;
  when w;
  bool is_time = false;
};

resolved consumed() { return {status::consumed, {}, false}; }
resolved rejected() { return {status::rejected, {}, false}; }

class resolver {
 public:
  resolver(const temporal_lexicon& lex, const std::optional<civil_time>& published) : lex_(lex) {
    if (published && published->year && published->month && published->day) {
      anchor_ = moment{*published->year, *published->month, *published->day, published->hour.value_or(0),
                       published->minute.value_or(0), published->second.value_or(0)};
      anchor_time_ = published->hour.has_value();
    }
  }

  resolved point(const temporal_ast& a) const {
    resolved r = point_core(a);
    if (r.state == status::fact && a.zone && a.hour) r.w.utc_offset_minutes = *a.zone;
    // "hôm qua (25/11)": the explicit date is the value; the relative word's own day is kept when it differs.
    if (r.state == status::fact && a.day_offset && a.month && a.day && anchor_) {
      const moment said = add(truncate(*anchor_, grain::day), grain::day, *a.day_offset);
      const std::optional<civil_time>& t = r.w.value ? r.w.value : r.w.from;
      if (t && !(t->year == said.y && t->month == said.m && t->day == said.d)) r.w.relative = at_grain(said, grain::day);
    }
    return r;
  }

 private:
  resolved point_core(temporal_ast a) const {
    if (a.holiday && lex_.holidays[static_cast<std::size_t>(*a.holiday)].lunar) {
      const auto& h = lex_.holidays[static_cast<std::size_t>(*a.holiday)];
      a.holiday.reset();
      a.month = h.month;
      a.day = h.day;
      a.lunar = true;
    }
    if (a.lunar) return lunar(a);
    if (a.now) {
      if (!anchor_ || !anchor_time_) return consumed();
      return value(*anchor_, grain::second, true);
    }
    if (a.span_count) return span(a);
    if (a.shift_grain) return shift(a);
    if (a.season) return season(a);
    if (a.standalone) {
      if (!anchor_) return consumed();
      const auto& p = lex_.standalone[static_cast<std::size_t>(*a.standalone)];
      return hours(truncate(*anchor_, grain::day), p.from, p.to);
    }
    return calendar(a);
  }

  resolved lunar(temporal_ast a) const {
    if (!a.day) return lunar_month(a);
    std::optional<int> lunar_year = a.year;
    if (!lunar_year && a.can && a.chi) {
      const int index = cycle_index({*a.can, *a.chi});
      if (index < 0) return rejected();
      if (anchor_) lunar_year = year_of_cycle(index, anchor_->y);
    }
    int month = a.month.value_or(0);
    if (!a.month || !lunar_year) {
      if (!anchor_) {
        if (!a.month) return consumed();  // "mùng 10 âm lịch" with nothing to place it
        return lunar_fact(a, std::nullopt, std::nullopt);
      }
      // The nearest such lunar day to the publication date (the lunar month too when it is not written).
      auto here = gregorian_to_lunar(anchor_->y, anchor_->m, anchor_->d);
      if (!here) return consumed();
      std::optional<gregorian_date> best;
      std::int64_t best_distance = -1;
      int best_year = 0, best_month = 0;
      const std::int64_t now = anchor_->day_number();
      for (int step = -13; step <= 13; ++step) {
        int y = here->year, m = here->month + step;
        while (m < 1) { m += 12; --y; }
        while (m > 12) { m -= 12; ++y; }
        if (a.month && m != *a.month) continue;
        if (lunar_year && y != *lunar_year) continue;
        auto g = lunar_to_gregorian({y, m, *a.day, a.lunar_leap});
        if (!g) continue;
        const std::int64_t z = days_from_civil(g->year, g->month, g->day);
        const std::int64_t distance = z >= now ? z - now : now - z;
        if (best_distance < 0 || distance < best_distance) {
          best = g;
          best_distance = distance;
          best_year = y;
          best_month = m;
        }
      }
      if (!best) return rejected();
      lunar_year = best_year;
      month = best_month;
    }
    auto g = lunar_to_gregorian({*lunar_year, month, *a.day, a.lunar_leap});
    if (!g) return rejected();
    a.month = month;
    return lunar_fact(a, lunar_year, g);
  }

  // "tháng Giêng năm 2024": the lunar month as the interval of its Gregorian days.
  resolved lunar_month(const temporal_ast& a) const {
    if (!a.month) return rejected();
    std::optional<int> lunar_year = a.year;
    if (!lunar_year && a.can && a.chi) {
      const int index = cycle_index({*a.can, *a.chi});
      if (index < 0) return rejected();
      if (anchor_) lunar_year = year_of_cycle(index, anchor_->y);
    }
    resolved r{status::fact, {}, false};
    r.w.lunar_calendar = true;
    r.w.lunar_leap = a.lunar_leap;
    civil_time written;
    written.year = lunar_year;
    written.month = a.month;
    r.w.lunar = written;
    r.w.precision = grain::month;
    if (!lunar_year) {
      r.w.value = written;
      return r;
    }
    auto first = lunar_to_gregorian({*lunar_year, *a.month, 1, a.lunar_leap});
    if (!first) return rejected();
    auto last = lunar_to_gregorian({*lunar_year, *a.month, 30, a.lunar_leap});
    if (!last) last = lunar_to_gregorian({*lunar_year, *a.month, 29, a.lunar_leap});
    if (!last) return rejected();
    r.w.from = at_grain(moment{first->year, first->month, first->day}, grain::day);
    r.w.to = at_grain(moment{last->year, last->month, last->day}, grain::day);
    r.w.precision = grain::day;
    return r;
  }

  // A lunar day: its Gregorian day when known (then read on like any date: a part of day or a clock time
  // applies to it), else its lunar month and day alone.
  resolved lunar_fact(const temporal_ast& a, std::optional<int> lunar_year, std::optional<gregorian_date> g) const {
    civil_time written;
    written.year = lunar_year;
    written.month = a.month;
    written.day = a.day;
    resolved r;
    if (g) {
      temporal_ast solar = a;
      solar.lunar = false;
      solar.lunar_leap = false;
      solar.can.reset();
      solar.chi.reset();
      solar.day_offset.reset();
      solar.year = g->year;
      solar.month = g->month;
      solar.day = g->day;
      r = point_core(solar);
    } else {
      // No lunar year and no publication date: the lunar month and day as written (with any clock time or
      // part of day read on them), yearless.
      temporal_ast yearless = a;
      yearless.lunar = false;
      yearless.lunar_leap = false;
      yearless.can.reset();
      yearless.chi.reset();
      yearless.year.reset();
      r = point_core(yearless);
    }
    if (r.state != status::fact) return r;
    r.w.lunar_calendar = true;
    r.w.lunar = written;
    r.w.lunar_leap = a.lunar_leap;
    return r;
  }

 public:
  resolved interval(temporal_interval_ast iv, form_id form) const {
    temporal_ast& l = iv.left;
    temporal_ast& r = iv.right;
    if (form == form_id::period || form == form_id::year_range) {
      if (!l.year || !r.year || *r.year < *l.year) return rejected();
      if (form == form_id::year_range && (*l.year < 1900 || *r.year > 2100)) return rejected();
    }
    if (form == form_id::date_range && (!l.year || !r.year)) return rejected();
    // "từ mùng 7 đến 11 tháng Giêng", "từ ngày 8 đến 11-1 âm lịch": an end that borrows its month from the
    // other borrows its calendar (and its named year) too; otherwise both ends must be of one calendar.
    for (auto [from, to] : {std::pair{&r, &l}, std::pair{&l, &r}}) {
      if (from->lunar && !to->lunar && !to->month && to->day) {
        to->lunar = true;
        to->lunar_leap = from->lunar_leap;
      }
      if (from->lunar && to->lunar && !to->can && from->can && !to->year) {
        to->can = from->can;
        to->chi = from->chi;
      }
    }
    if (l.lunar != r.lunar) return rejected();
    // "từ ngày 1 đến ngày 5/3": the left end borrows what it leaves out from the right one, and back.
    if (!l.month && r.month && l.day) l.month = r.month;
    if (!l.year && r.year && (l.month || l.quarter)) l.year = r.year;
    if (!r.year && l.year && (r.month || r.quarter)) r.year = l.year;
    if (!r.month && l.month && r.day && !r.year) r.month = l.month;
    if (l.day && !l.month) return rejected();
    if (r.day && !r.month) return rejected();
    resolved a = point(l), b = point(r);
    if (a.state != status::fact || b.state != status::fact) {
      if (a.state == status::rejected || b.state == status::rejected) return rejected();
      return consumed();
    }
    resolved out{status::fact, {}, a.is_time || b.is_time};
    out.w.from = a.w.value ? a.w.value : a.w.from;
    out.w.to = b.w.value ? b.w.value : b.w.to;
    out.w.precision = finer(a.w.precision, b.w.precision) ? a.w.precision : b.w.precision;
    out.w.lunar_calendar = a.w.lunar_calendar;
    return out;
  }

 private:
  static resolved value(const moment& t, grain g, bool is_time) {
    resolved r{status::fact, {}, is_time};
    r.w.value = at_grain(t, g);
    r.w.precision = g;
    return r;
  }
  static resolved range(const moment& from, const moment& to, grain g, bool is_time) {
    resolved r{status::fact, {}, is_time};
    r.w.from = at_grain(from, g);
    r.w.to = at_grain(to, g);
    r.w.precision = g;
    return r;
  }
  static resolved hours(const moment& day, int from, int to) {
    return range(add(day, grain::hour, from), add(day, grain::hour, to), grain::hour, true);
  }

  resolved span(const temporal_ast& a) const {
    const auto g = static_cast<grain>(*a.span_grain);
    const int n = *a.span_count;
    if (n <= 0) return rejected();
    if (!anchor_ || (finer(g, grain::day) && !anchor_time_)) return consumed();
    const moment t = truncate(*anchor_, g);
    const bool is_time = finer(g, grain::day);
    if (a.span_dir.value_or(1) < 0) return range(add(t, g, -n), t, g, is_time);
    return range(add(t, g, 1), add(t, g, n + 1), g, is_time);
  }

  resolved shift(const temporal_ast& a) const {
    const auto g = static_cast<grain>(*a.shift_grain);
    // "ngày nay" is "nowadays", "giờ này" is not a date: only week and longer shift.
    if (finer(g, grain::week)) return rejected();
    if (!anchor_) return consumed();
    return value(add(truncate(*anchor_, g), g, a.shift.value_or(0)), g, false);
  }

  resolved season(const temporal_ast& a) const {
    const auto& s = lex_.seasons[static_cast<std::size_t>(*a.season)];
    const bool wraps = s.to_month < s.from_month;
    auto instance = [&](int y) {
      moment from{y, s.from_month, s.from_day};
      moment to{wraps ? y + 1 : y, s.to_month, s.to_day};
      return std::pair{from, to};
    };
    int year = 0;
    if (a.season_year) {
      year = *a.season_year;
    } else {
      if (!anchor_) return consumed();
      year = anchor_->y;
      // The season in progress when it started last year (winter in February), else this year's.
      auto [from, to] = instance(year - 1);
      if (wraps && from.day_number() <= anchor_->day_number() && anchor_->day_number() < to.day_number()) --year;
      year += a.season_shift.value_or(0);
    }
    auto [from, to] = instance(year);
    return range(from, to, grain::day, false);
  }

  // Year for a yearless month/day: nearest to the anchor (ties to the future); with a direction
  // ("tháng 3 tới" / "tháng 1 vừa qua") the first one after / the last one before the anchor's month.
  int pick_year(int month, int day, int direction) const {
    const std::int64_t now = direction != 0 ? days_from_civil(anchor_->y, anchor_->m, 1) : anchor_->day_number();
    int best = anchor_->y;
    std::int64_t best_distance = -1;
    if (direction < 0) {
      for (int y = anchor_->y; y >= anchor_->y - 1; --y)
        if (days_from_civil(y, month, day) < now) return y;
      return anchor_->y - 1;
    }
    for (int y = anchor_->y - 1; y <= anchor_->y + 1; ++y) {
      const std::int64_t z = days_from_civil(y, month, day);
      if (direction > 0) {
        if (z > now) return y;
        continue;
      }
      const std::int64_t distance = z >= now ? z - now : now - z;
      if (best_distance < 0 || distance < best_distance) {
        best = y;
        best_distance = distance;
      }
    }
    return best;
  }

  resolved calendar(const temporal_ast& a) const {
    std::optional<int> y = a.year, m = a.month, d = a.day;
    grain g = grain::day;
    if (a.holiday) {
      const auto& h = lex_.holidays[static_cast<std::size_t>(*a.holiday)];
      m = h.month;
      d = h.day;
    }
    if (a.quarter) {
      m = 3 * *a.quarter - 2;
      g = grain::quarter;
    }
    if (a.first_day) d = 1;
    std::optional<moment> date;  // a fully known day
    if (a.day_offset && !m) {
      if (!anchor_) return consumed();
      date = add(truncate(*anchor_, grain::day), grain::day, *a.day_offset);
    } else if (m) {
      if (!y && anchor_) y = pick_year(*m, d.value_or(1), a.month_dir.value_or(0));
      if (!d && !a.first_week) g = a.quarter ? grain::quarter : grain::month;
      if (y && d) {
        if (*d > days_in(*y, *m)) return rejected();
        date = moment{*y, *m, *d};
      }
      if (a.first_week && y) {
        const std::int64_t first = days_from_civil(*y, *m, 1);
        const int wd = iso_weekday(first);
        return value(moment::from_days(first + (wd == 1 ? 0 : 8 - wd)), grain::week, false);
      }
    } else if (a.weekday) {
      if (!anchor_) return consumed();
      const std::int64_t today = anchor_->day_number();
      const int wd = *a.weekday;
      std::int64_t z = 0;
      if (a.week_shift) {
        z = today - (iso_weekday(today) - 1) + 7 * *a.week_shift + (wd - 1);
      } else if (a.weekday_dir && *a.weekday_dir < 0) {
        z = today - 1;
        while (iso_weekday(z) != wd) --z;
      } else {
        z = a.weekday_dir && *a.weekday_dir > 0 ? today + 1 : today;
        while (iso_weekday(z) != wd) ++z;
      }
      date = moment::from_days(z);
    } else if (y) {
      g = grain::year;
    } else if (!a.hour && !a.part) {
      return rejected();
    }

    if (a.hour) return clock(a, date, y, m, d);
    if (a.part) {
      const auto& p = lex_.parts[static_cast<std::size_t>(*a.part)];
      if (date) return hours(*date, p.from, p.to);
      if (m && d) return yearless_hours(*m, *d, p.from, p.to);
      return consumed();
    }
    if (date) return value(*date, grain::day, false);
    // Partial: year only, month (with or without year), yearless day, quarter.
    resolved r{status::fact, {}, false};
    civil_time c;
    c.year = y;
    if (g != grain::year) c.month = m;
    if (g == grain::day) c.day = d;
    r.w.value = c;
    r.w.precision = g;
    return r;
  }

  static int days_in(int y, int m) {
    return static_cast<int>(days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - days_from_civil(y, m, 1));
  }

  static resolved yearless_hours(int m, int d, int from, int to) {
    // Arithmetic in a leap year so that 29/2 exists; the year is dropped again.
    resolved r = hours(moment{2000, m, d}, from, to);
    r.w.from->year.reset();
    r.w.to->year.reset();
    return r;
  }

  resolved clock(const temporal_ast& a, std::optional<moment> date, std::optional<int> y, std::optional<int> m,
                 std::optional<int> d) const {
    int h = *a.hour;
    int mi = a.minute.value_or(a.half ? 30 : 0);
    const int s = a.second.value_or(0);
    if (a.minus) {
      h -= 1;
      mi = 60 - *a.minus;
      if (h < 0) h += 24;
    }
    bool fixed = h > 12;  // a 24-hour reading, or one made so by the part of day
    if (a.meridiem) {
      if (h < 1 || h > 12) return rejected();
      h = h % 12 + *a.meridiem;
      fixed = true;
    }
    if (a.part) {
      const auto& p = lex_.parts[static_cast<std::size_t>(*a.part)];
      if (p.pm_low > 0 && h >= p.pm_low && h <= p.pm_high) h += 12;
      fixed = true;
    }
    if (h >= 24) return rejected();
    const grain g = a.second ? grain::second : (a.minute || a.half || a.minus) ? grain::minute : grain::hour;
    if (!date && !(m && d) && anchor_) {
      const moment today = truncate(*anchor_, grain::day);
      if (!anchor_time_) {
        date = today;
      } else {
        // The next occurrence not before the publication time (Duckling's reading of a bare clock time).
        std::vector<moment> candidates{add(today, grain::second, h * 3600 + mi * 60 + s)};
        if (!fixed && h < 12) candidates.push_back(add(candidates[0], grain::hour, 12));
        candidates.push_back(add(candidates[0], grain::day, 1));
        for (const auto& c : candidates)
          if (c.seconds() >= anchor_->seconds()) return value(c, g, true);
        return value(candidates.back(), g, true);
      }
    }
    if (date) {
      moment t = *date;
      t.h = h;
      t.mi = mi;
      t.s = s;
      return value(t, g, true);
    }
    resolved r{status::fact, {}, true};
    civil_time c;
    c.year = y;
    c.month = m;
    c.day = d;
    c.hour = h;
    c.minute = mi;
    c.second = s;
    r.w.value = c;
    r.w.precision = g;
    return r;
  }

  const temporal_lexicon& lex_;
  std::optional<moment> anchor_;
  bool anchor_time_ = false;
};

// ---- guards on what a form read, using the text around it ----

// The folded word that ends right before `pos` (skipping spaces), or "" when punctuation comes first.
std::string previous_word(const std::string& text, std::size_t sentence_start, std::size_t pos) {
  std::size_t end = pos;
  while (end > sentence_start && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t begin = end;
  while (begin > sentence_start) {
    const char* p = text.data() + begin;
    const std::uint32_t cp = common::decode_utf8_before(text.data() + sentence_start, p);
    if (!common::is_alnum(cp)) break;
    std::size_t step = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    begin -= std::min(step, begin - sentence_start);
  }
  return text.substr(begin, end - begin);
}

// The next one and two folded words after `pos`, or "" when punctuation or the limit comes first.
std::pair<std::string, std::string> next_words(const std::string& text, std::size_t pos, std::size_t limit) {
  auto word_at = [&](std::size_t& p) {
    std::size_t q = p;
    while (q < limit && (text[q] == ' ' || text[q] == '\t')) ++q;
    std::size_t b = q;
    while (q < limit && common::alnum_at(text.data() + q, text.data() + limit)) {
      std::size_t len = 0;
      common::decode_utf8(text.data() + q, text.data() + limit, len);
      q += len;
    }
    p = q;
    return text.substr(b, q - b);
  };
  std::size_t p = pos;
  std::string one = word_at(p);
  if (one.empty()) return {};
  std::size_t p2 = p;
  std::string two = word_at(p2);
  return {one, two.empty() ? std::string() : one + " " + two};
}

bool starts_upper(const std::string& nfc, std::size_t pos, std::size_t limit) {
  std::size_t len = 0;
  const std::uint32_t cp = common::decode_utf8(nfc.data() + pos, nfc.data() + limit, len);
  return cp != 0 && u_isupper(static_cast<UChar32>(cp));
}

bool accept(form_id form, const temporal_ast& a, const parse_request& req, std::size_t end,
            const temporal_lexicon& lex) {
  const std::string& text = req.doc.folded;
  switch (form) {
    case form_id::day_date: {
      // A bare "7/3" is a date unless a word that is not a date word follows ("2/3 số đại biểu" is a
      // fraction); a bare "7-3" or "7.3" without a year needs "ngày" or another date word before it.
      if (a.marked || a.year) return true;
      if (!a.separator) return true;  // "9 tháng 5": the month word makes it a date
      if (*a.separator != '/') return false;
      auto [one, two] = next_words(text, end, req.limit);
      if (one.empty()) return true;
      if (std::all_of(one.begin(), one.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
      return lex.date_followers.count(one) > 0 || lex.date_followers.count(two) > 0;
    }
    case form_id::weekday: {
      // "thứ hai" is also "second": a bare weekday needs a date word before it, a capital ("thứ Năm"),
      // or nothing before it in the sentence.
      if (a.day || a.week_shift || a.weekday_dir) return true;
      std::size_t sentence_start = req.doc.sentences.empty() ? 0 : req.doc.sentences[req.doc.sentence_at(req.begin)].begin;
      const std::string prev = previous_word(text, sentence_start, req.begin);
      if (prev.empty() || lex.weekday_preceders.count(prev)) return true;
      // The numeral after "thứ " written with a capital.
      std::size_t p = req.begin;
      while (p < end && text[p] != ' ') ++p;
      return p + 1 < end && starts_upper(req.doc.nfc, p + 1, end);
    }
    case form_id::shift:
    case form_id::span: {
      // "những năm qua" is "the past years", not last year.
      std::size_t sentence_start = req.doc.sentences.empty() ? 0 : req.doc.sentences[req.doc.sentence_at(req.begin)].begin;
      return lex.plural_markers.count(previous_word(text, sentence_start, req.begin)) == 0;
    }
    case form_id::bare_year: {
      // "đến 2030 người", "tới 2030 tỉ đồng" are figures: when the numeric family reads more than the four
      // digits (a unit, a counted noun, a scale word, a decimal part), the number is not a year.
      if (!a.year || *a.year < 1900 || *a.year > 2100) return false;
      if (!req.lex.numeric) return true;
      const parse_request figure{req.doc, end - 4, req.limit, req.lex};
      const auto as_number = parse_numeric(figure);
      return !as_number || as_number->end <= end;
    }
    case form_id::clock:
      // "5G", "4G" (networks) are not five o'clock: an hour glued to an upper-case marker with nothing else.
      if (a.hour && !a.minute && !a.half && !a.clock_lead && !a.part && !a.day_offset && !a.day && !a.weekday &&
          end > req.begin && (req.doc.nfc[end - 1] == 'G' || req.doc.nfc[end - 1] == 'H'))
        return false;
      // "3 giờ" alone is as often a duration as a clock time: leave it to the numeric family.
      return !(a.clock_words && !a.clock_lead && !a.part && !a.day_offset && !a.day && !a.weekday);
    default:
      return true;
  }
}

struct candidate {
  form_id form;
  std::size_t end;
  bool is_interval;
  temporal_ast point;
  temporal_interval_ast interval;
};

}  // namespace

std::optional<parse_outcome> parse_temporal(const parse_request& req) {
  if (!req.lex.temporal || req.begin >= req.limit || req.limit > req.doc.folded.size()) return std::nullopt;
  const temporal_lexicon& lex = *req.lex.temporal;
  namespace x3 = boost::spirit::x3;
  using namespace temporal_x3;
  const char* const first = req.doc.folded.data() + req.begin;
  const char* const last = req.doc.folded.data() + req.limit;
  const auto ctx = x3::make_context<temporal_lexicon_tag>(lex);

  std::vector<candidate> found;
  auto try_point = [&](const auto& rule, form_id form) {
    const char* p = first;
    temporal_ast a;
    try {
      if (rule.parse(p, last, ctx, x3::unused, a) && p > first)
        found.push_back({form, static_cast<std::size_t>(p - req.doc.folded.data()), false, a, {}});
    } catch (const x3::expectation_failure<const char*>&) {
    }
  };
  auto try_interval = [&](const auto& rule, form_id form) {
    const char* p = first;
    temporal_interval_ast iv;
    try {
      if (rule.parse(p, last, ctx, x3::unused, iv) && p > first)
        found.push_back({form, static_cast<std::size_t>(p - req.doc.folded.data()), true, {}, iv});
    } catch (const x3::expectation_failure<const char*>&) {
    }
  };
  try_interval(period_form, form_id::period);
  try_interval(range_form, form_id::range);
  try_interval(date_range_form, form_id::date_range);
  try_interval(year_range_form, form_id::year_range);
  try_point(now_form, form_id::now);
  try_point(span_form, form_id::span);
  try_point(shift_form, form_id::shift);
  try_point(season_form, form_id::season);
  try_point(standalone_form, form_id::standalone);
  try_point(holiday_form, form_id::holiday);
  try_point(first_of_form, form_id::first_of);
  try_point(weekday_form, form_id::weekday);
  try_point(part_form, form_id::part);
  try_point(relative_clock_form, form_id::relative_clock);
  try_point(clock_form, form_id::clock);
  try_point(relative_day_form, form_id::relative_day);
  try_point(day_date_form, form_id::day_date);
  try_point(month_form, form_id::month);
  try_point(quarter_form, form_id::quarter);
  try_point(year_form, form_id::year);
  try_point(bare_year_form, form_id::bare_year);
  // Longest first; among equals the order above (intervals before points).
  std::stable_sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) { return a.end > b.end; });

  const resolver resolve(lex, req.doc.published);
  for (const auto& c : found) {
    if (!c.is_interval && !accept(c.form, c.point, req, c.end, lex)) continue;
    const resolved r = c.is_interval ? resolve.interval(c.interval, c.form) : resolve.point(c.point);
    if (r.state == status::rejected) continue;
    parse_outcome out;
    out.end = c.end;
    if (r.state == status::fact) {
      fact f;
      f.kind = r.is_time ? fact_kind::time : fact_kind::date;
      f.time_value = r.w;
      f.nfc_begin = c.form == form_id::bare_year ? c.end - 4 : req.begin;  // the year alone, not its lead word
      f.nfc_end = c.end;
      out.value = std::move(f);
    }
    return out;
  }
  return std::nullopt;
}

std::vector<std::string> temporal_triggers(const temporal_lexicon& lex) {
  // Digits open dates and clock times; every first word of a table entry opens the rest. RE2 has no
  // look-around: the scanner itself keeps only token starts, and the grammar checks word ends.
  std::vector<std::string> out{"[0-9]"};
  std::string words;
  for (const auto& w : lex.openers) {
    if (w.empty() || (w[0] >= '0' && w[0] <= '9')) continue;
    if (!words.empty()) words += '|';
    for (char ch : w) {
      if (std::string_view("\\.^$|()[]{}*+?-").find(ch) != std::string_view::npos) words += '\\';
      words += ch;
    }
  }
  if (!words.empty()) out.push_back("(?:" + words + ")");
  return out;
}

}  // namespace doichieu::grammars
