// grammars/x3/temporal_def.hpp — definitions of the temporal grammar declared in temporal.hpp.
//
// Each form is its own rule with its own temporal_ast: a sub-rule invoked under a semantic action gets a
// fresh local attribute that is merged into the caller's only when the sub-rule succeeds, so a branch that
// fails half-way leaves nothing behind (X3 does not roll back attributes on backtracking). Leaves write
// the enclosing rule's value; an action is always the last element of the group that can fail.
// Vocabulary comes from temporal_lexicon through the context; only digits and punctuation are literal.
// Private to grammars/: include only from temporal.cpp.
#ifndef DOICHIEU_GRAMMARS_X3_TEMPORAL_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_TEMPORAL_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "x3/common.hpp"
#include "x3/temporal.hpp"
#include "x3/temporal_date_def.hpp"

namespace doichieu::grammars::temporal_x3 {

namespace detail {

using common::hspace;
using common::opt_hspace;
using temporal_ast_types::merge;

// A word (or phrase) from one of the lexicon's tables. `Bounded`: the next code point must not be a
// letter or digit, so "qua" never matches inside "quan" and "thứ 2" never inside "thứ 20"; the hour
// marker "h" of "14h30" is used unbounded.
template <auto Table, bool Bounded = true>
struct table_word_parser : x3::parser<table_word_parser<Table, Bounded>> {
  using attribute_type = int;
  static bool const has_attribute = true;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    const temporal_lexicon& lex = x3::get<temporal_lexicon_tag>(ctx);
    It p = first;
    int value = 0;
    if (!(lex.*Table).parse(p, last, ctx, x3::unused, value)) return false;
    if (Bounded && common::is_alnum(common::decode_utf8_before(first, p)) && common::alnum_at(p, last))
      return false;
    first = p;
    x3::traits::move_to(value, attr);
    return true;
  }
};
template <auto Table>
inline constexpr table_word_parser<Table> word{};
template <auto Table>
inline constexpr table_word_parser<Table, false> glued{};

using L = temporal_lexicon;

inline const auto num2 = x3::uint_parser<int, 10, 1, 2>{} >> !date_detail::ascii_digit;
inline const auto min2 = x3::uint_parser<int, 10, 2, 2>{} >> !date_detail::ascii_digit;
inline const auto num3 = x3::uint_parser<int, 10, 1, 3>{} >> !date_detail::ascii_digit;
inline const auto num4 = x3::uint_parser<int, 10, 4, 4>{} >> !date_detail::ascii_digit;
// Dashes of a range: '-', en dash, em dash (the table also has "đến", "tới").
inline const auto sep = opt_hspace >> word<&L::range_to> >> opt_hspace;

template <auto Member>
inline const auto set = [](auto& ctx) { x3::_val(ctx).*Member = x3::_attr(ctx); };
template <auto Member>
inline const auto flag = [](auto& ctx) { x3::_val(ctx).*Member = true; };
inline const auto merge_in = [](auto& ctx) { merge(x3::_val(ctx), x3::_attr(ctx)); };
inline const auto set_year_checked = [](auto& ctx) {
  const int y = x3::_attr(ctx);
  x3::_pass(ctx) = y >= 1000 && y <= 2999;
  x3::_val(ctx).year = y;
};
inline const auto set_month_checked = [](auto& ctx) {
  const int m = x3::_attr(ctx);
  x3::_pass(ctx) = m >= 1 && m <= 12;
  x3::_val(ctx).month = m;
};
inline const auto set_day_checked = [](auto& ctx) {
  const int d = x3::_attr(ctx);
  x3::_pass(ctx) = d >= 1 && d <= 31;
  x3::_val(ctx).day = d;
};
inline const auto set_quarter_checked = [](auto& ctx) {
  const int q = x3::_attr(ctx);
  x3::_pass(ctx) = q >= 1 && q <= 4;
  x3::_val(ctx).quarter = q;
};
inline const auto from_numeric_date = [](auto& ctx) {
  const numeric_date_ast& d = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  v.day = d.day;
  v.month = d.month;
  if (d.year != 0) v.year = d.year;
  v.separator = d.separator;
};
using A = temporal_ast;

// ---- building blocks (each a rule, so a failed branch leaves no trace) ----
const x3::rule<class year_part_class, A> year_part = "year_part";            // "năm 2024"
const x3::rule<class year_tail_class, A> year_tail = "year_tail";            // " năm 2024" | "/2024"
const x3::rule<class month_part_class, A> month_part = "month_part";         // "tháng 3[/2024| năm 2024]"
const x3::rule<class written_date_class, A> written_date = "written_date";   // "9 tháng 5 năm 2024"
const x3::rule<class day_date_class, A> day_date = "day_date";               // [ngày] 7/3 | [ngày] 9 tháng 5
const x3::rule<class clock_class, A> clock = "clock";                        // 14h30, 3 giờ rưỡi, 15:23:24
const x3::rule<class clock_colon_class, A> clock_colon = "clock_colon";
const x3::rule<class clock_glued_class, A> clock_glued = "clock_glued";
const x3::rule<class clock_glued_hour_class, A> clock_glued_hour = "clock_glued_hour";
const x3::rule<class clock_worded_class, A> clock_worded = "clock_worded";
const x3::rule<class clock_minutes_class, A> clock_minutes = "clock_minutes";
const x3::rule<class clock_day_class, A> clock_day = "clock_day";            // what day a clock time is on
const x3::rule<class weekday_tail_class, A> weekday_tail = "weekday_tail";
const x3::rule<class weekday_date_class, A> weekday_date = "weekday_date";
const x3::rule<class day_of_part_class, A> day_of_part = "day_of_part";      // "sáng [nay|7-3|chủ nhật]"
const x3::rule<class weekday_only_class, A> weekday_only = "weekday_only";
const x3::rule<class weekday_full_class, A> weekday_full = "weekday_full";  // a weekday and what follows it
const x3::rule<class range_point_class, A> range_point = "range_point";      // one end of "từ ... đến ..."
const x3::rule<class can_chi_class, A> can_chi = "can_chi";                  // "Giáp Thìn"
const x3::rule<class lunar_suffix_class, A> lunar_suffix = "lunar_suffix";   // " âm lịch", " (âm lịch)"
const x3::rule<class lunar_day_class, A> lunar_day = "lunar_day";            // "rằm tháng Giêng", "mùng 1 Tết"
const x3::rule<class paren_date_class, A> paren_date = "paren_date";         // " (6/2)", " (ngày 25/11)"

const auto year_part_def = word<&L::year_markers> >> hspace >> num4[set_year_checked];
// A year named by its stem and branch makes the date lunar; a Gregorian-named year may follow
// ("Tết Nguyên đán Giáp Thìn 2024").
const auto can_chi_def = word<&L::can_words>[set<&A::can>] >> hspace >> word<&L::chi_words>[set<&A::chi>] >>
                         x3::eps[flag<&A::lunar>];
const auto year_tail_def = (hspace >> year_part[merge_in]) | ('/' >> num4[set_year_checked]) |
                           (hspace >> word<&L::of_words> >> hspace >> year_part[merge_in]) |
                           (hspace >> -(word<&L::year_markers> >> hspace) >> can_chi[merge_in] >>
                            -(hspace >> num4[set_year_checked]));
const auto month_part_def = word<&L::month_markers> >> hspace >>
                            (num2[set_month_checked] | word<&L::lunar_month_words>[set_month_checked][flag<&A::lunar>] |
                             word<&L::month_words>[set_month_checked]) >>
                            -(hspace >> word<&L::leap_words>)[([](auto& ctx) {
                              x3::_val(ctx).lunar = true;
                              x3::_val(ctx).lunar_leap = true;
                            })] >>
                            -year_tail[merge_in];
const auto written_date_def = num2[set_day_checked] >> hspace >> month_part[merge_in];
const auto lunar_suffix_def = ((hspace >> word<&L::lunar_markers>) |
                               (opt_hspace >> x3::lit('(') >> word<&L::lunar_markers> >> x3::lit(')'))) >>
                              x3::eps[flag<&A::lunar>];
// "rằm tháng Giêng": the 15th; "mùng 1 Tết", "mùng 6 Tết Đinh Dậu": a day of the first lunar month.
const auto lunar_day_def =
    (word<&L::full_moon_words> >> hspace >> month_part[merge_in] >>
     x3::eps[([](auto& ctx) {
       x3::_val(ctx).day = 15;
       x3::_val(ctx).lunar = true;
     })]) |
    (num2[set_day_checked] >> hspace >> word<&L::tet_words> >> x3::eps[([](auto& ctx) {
       x3::_val(ctx).month = 1;
       x3::_val(ctx).lunar = true;
     })] >> -year_tail[merge_in]);
const auto day_date_def = -(word<&L::day_markers> >> hspace)[flag<&A::marked>] >>
                          (lunar_day[merge_in] | written_date[merge_in] |
                           (numeric_date[from_numeric_date] >> -year_tail[merge_in]) |
                           (num2[set_day_checked] >> &lunar_suffix)) >>
                          -lunar_suffix[merge_in];
// The explicit date written after a relative word: "sáng nay (6/2)", "hôm qua (ngày 25/11)".
// Unbracketed ("Sáng nay 6/2 (tức ...)", "Sáng nay, 6-2,") only when punctuation follows the date, so
// "hôm nay 2/3 số đại biểu" keeps its fraction.
const auto paren_date_def =
    (opt_hspace >> x3::lit('(') >> opt_hspace >> day_date[merge_in] >> opt_hspace >> x3::lit(')')) |
    (((x3::lit(',') >> hspace) | hspace) >> day_date[merge_in] >>
     &(opt_hspace >> (x3::lit(',') | x3::lit('(') | x3::lit('.') | x3::lit(':') | x3::eoi)));

const auto clock_colon_def = num2[set<&A::hour>] >> ':' >> min2[set<&A::minute>] >>
                             -(':' >> min2[set<&A::second>]);
const auto clock_glued_def = num2[set<&A::hour>] >> glued<&L::hour_markers> >> min2[set<&A::minute>] >>
                             -glued<&L::minute_markers>;
const auto clock_glued_hour_def = num2[set<&A::hour>] >> word<&L::hour_markers>;
const auto clock_minutes_def =
    hspace >> (word<&L::half_words>[flag<&A::half>] |
               (word<&L::minus_words> >> hspace >> num2[set<&A::minus>] >> -(hspace >> word<&L::minute_markers>)) |
               (num2[set<&A::minute>] >> -(hspace >> word<&L::minute_markers>)));
const auto clock_worded_def = (num2[set<&A::hour>] | word<&L::numbers>[set<&A::hour>]) >> hspace >> word<&L::hour_markers> >>
                              (clock_minutes[merge_in] | x3::eps[flag<&A::clock_words>]);
// "4pm", "4 pm", "9:30 a.m.": a 12-hour clock with its meridiem.
const auto clock_meridiem = x3::rule<class clock_meridiem_class, A>{"clock_meridiem"} =
    num2[set<&A::hour>] >> -(':' >> min2[set<&A::minute>]) >> opt_hspace >>
    table_word_parser<&L::meridiem_words, true>{}[set<&A::meridiem>];
const auto clock_def = (clock_meridiem[merge_in] | clock_colon[merge_in] | clock_glued[merge_in] |
                        clock_glued_hour[merge_in] | clock_worded[merge_in]) >>
                       x3::eps[([](auto& ctx) {
                         const A& v = x3::_val(ctx);
                         x3::_pass(ctx) = v.hour && *v.hour <= 24 && (!v.minute || *v.minute <= 59) &&
                                          (!v.second || *v.second <= 59) && (!v.minus || *v.minus <= 59);
                       })];

const auto weekday_only_def = word<&L::weekdays>[set<&A::weekday>];
const auto clock_day_def =
    hspace >> (day_date[merge_in] | word<&L::relative_days>[set<&A::day_offset>] |
               word<&L::short_relative_days>[set<&A::day_offset>] | weekday_only[merge_in]);
const auto day_of_part_def =
    word<&L::parts_table>[set<&A::part>] >> hspace >>
    ((word<&L::short_relative_days>[set<&A::day_offset>] >> -paren_date[merge_in]) |
     (word<&L::relative_days>[set<&A::day_offset>] >> -paren_date[merge_in]) | weekday_full[merge_in] |
     day_date[merge_in]);

const auto weekday_date_def = ((hspace >> -x3::lit('(')) | (x3::lit(',') >> hspace) | x3::lit('(')) >>
                              day_date[merge_in] >> -x3::lit(')');
const auto weekday_tail_def =
    (hspace >> -(word<&L::of_words> >> hspace) >> word<&L::week_words> >> hspace >>
     word<&L::shift_words>[set<&A::week_shift>]) |
    (hspace >> word<&L::weekday_directions>[set<&A::weekday_dir>]) | weekday_date[merge_in];

const auto weekday_full_def = weekday_only[merge_in] >> -weekday_tail[merge_in];
const auto range_point_def = day_date[merge_in] | month_part[merge_in] | year_part[merge_in] |
                             num4[set_year_checked] |
                             (-(word<&L::day_markers> >> hspace) >> num2[set_day_checked]);

BOOST_SPIRIT_DEFINE(year_part, year_tail, month_part, written_date, day_date, clock, clock_colon, clock_glued,
                    clock_glued_hour, clock_worded, clock_minutes, clock_day, weekday_tail, weekday_date,
                    day_of_part, weekday_only, weekday_full, range_point, can_chi, lunar_suffix, lunar_day,
                    paren_date)

}  // namespace detail

using namespace detail;

// ---- the forms the facade tries ----
const now_form_type now_form = "now_form";
const span_form_type span_form = "span_form";
const shift_form_type shift_form = "shift_form";
const season_form_type season_form = "season_form";
const standalone_form_type standalone_form = "standalone_form";
const holiday_form_type holiday_form = "holiday_form";
const first_of_form_type first_of_form = "first_of_form";
const weekday_form_type weekday_form = "weekday_form";
const part_form_type part_form = "part_form";
const relative_clock_form_type relative_clock_form = "relative_clock_form";
const clock_form_type clock_form = "clock_form";
const relative_day_form_type relative_day_form = "relative_day_form";
const day_date_form_type day_date_form = "day_date_form";
const month_form_type month_form = "month_form";
const quarter_form_type quarter_form = "quarter_form";
const year_form_type year_form = "year_form";
const period_form_type period_form = "period_form";
const range_form_type range_form = "range_form";
const date_range_form_type date_range_form = "date_range_form";
const year_range_form_type year_range_form = "year_range_form";
const bare_year_form_type bare_year_form = "bare_year_form";

const auto now_form_def = word<&L::now_words>[flag<&A::now>];
// "3 ngày tới", "2 phút vừa rồi", "một tiếng vừa rồi".
const auto span_form_def = (num3[set<&A::span_count>] | word<&L::numbers>[set<&A::span_count>]) >> hspace >>
                           word<&L::grain_words>[set<&A::span_grain>] >> hspace >>
                           word<&L::span_directions>[set<&A::span_dir>];
// "tuần trước", "năm nay", "quý tiếp theo".
const auto shift_form_def = word<&L::grain_words>[set<&A::shift_grain>] >> hspace >>
                            word<&L::shift_words>[set<&A::shift>];
// "mùa hè này", "mùa hè năm nay", "mùa đông năm 2024".
const auto season_form_def =
    word<&L::seasons_table>[set<&A::season>] >>
    -(hspace >> (word<&L::shift_words>[set<&A::season_shift>] |
                 (word<&L::year_markers> >> hspace >> word<&L::shift_words>[set<&A::season_shift>]) |
                 (word<&L::year_markers> >> hspace >> num4[set<&A::season_year>])));
const auto standalone_form_def = word<&L::standalone_table>[set<&A::standalone>];
const auto holiday_form_def =
    (-(word<&L::day_markers> >> hspace) >> word<&L::holidays_table>[set<&A::holiday>] >>
     -(year_tail[merge_in] | (hspace >> num4[set_year_checked]))) |
    // "Tết Quý Mão": Tết with the year's name is the first day of that lunar year.
    (word<&L::tet_words> >> hspace >> can_chi[merge_in] >> -(hspace >> num4[set_year_checked]) >>
     x3::eps[([](auto& ctx) {
       x3::_val(ctx).month = 1;
       x3::_val(ctx).day = 1;
     })]);
// "ngày đầu tiên của tháng ba", "tuần đầu tiên của tháng 9 năm 2017".
const auto first_of_form_def =
    (word<&L::day_markers>[flag<&A::first_day>] | word<&L::week_words>[flag<&A::first_week>]) >> hspace >>
    word<&L::first_words> >> hspace >> -(word<&L::of_words> >> hspace) >> month_part[merge_in];
// "thứ Năm (7/3)", "thứ 2 ngày 6 tháng 2", "thứ năm tuần tới", "thứ ba vừa rồi", "chủ nhật".
const auto weekday_form_def = weekday_full[merge_in];
// "sáng 7-3", "chiều nay", "tối hôm qua", "sáng chủ nhật".
const auto part_form_def = day_of_part[merge_in] >> x3::eps[flag<&A::marked>];
// "hôm nay lúc 2 giờ chiều".
const auto relative_clock_form_def = word<&L::relative_days>[set<&A::day_offset>] >> hspace >>
                                     clock_form[merge_in];
// "lúc 3 giờ chiều", "14h30", "7:30 chiều ngày 20/4/2017", "8 giờ tối nay".
const auto clock_form_def =
    -(word<&L::clock_leads> >> hspace)[flag<&A::clock_lead>] >> clock[merge_in] >>
    -(hspace >> word<&L::time_zones>[set<&A::zone>]) >>
    -(hspace >> word<&L::parts_table>[set<&A::part>]) >> -clock_day[merge_in];
const auto relative_day_form_def = word<&L::relative_days>[set<&A::day_offset>] >> -paren_date[merge_in];
// A bare four-digit year after a year word ("tầm nhìn 2050", "đến 2030", "cuối 2024"); the facade checks
// what follows and spans the fact on the year alone.
const auto bare_year_form_def = word<&L::year_leads> >> hspace >> num4[set_year_checked];
// ISO 8601 as printed in datelines and metadata: "2024-03-07", "2024-03".
const auto iso_date = x3::rule<class iso_date_class, A>{"iso_date"} =
    num4[set_year_checked] >> '-' >> min2[set_month_checked] >> -('-' >> min2[set_day_checked]);
const auto day_date_form_def = day_date[merge_in] | iso_date[merge_in];
// "tháng 3/2024", "tháng mười năm 2017", "tháng 3 tới", "tháng 1 vừa qua".
const auto month_form_def = month_part[merge_in] >>
                            -(hspace >> word<&L::span_directions>[set<&A::month_dir>]);
// "quý I/2024", "quý 4 của năm 2018", "quý ba".
const auto quarter_form_def =
    word<&L::quarter_markers> >> hspace >>
    (num2[set_quarter_checked] | word<&L::quarter_words>[set_quarter_checked]) >>
    -year_tail[merge_in];
const auto year_form_def = year_part[merge_in];

inline const auto set_left = [](auto& ctx) { x3::_val(ctx).left = x3::_attr(ctx); };
inline const auto set_right = [](auto& ctx) { x3::_val(ctx).right = x3::_attr(ctx); };
inline const auto set_left_year = [](auto& ctx) { x3::_val(ctx).left.year = x3::_attr(ctx); };
inline const auto set_right_year = [](auto& ctx) { x3::_val(ctx).right.year = x3::_attr(ctx); };
inline const auto mark_left = [](auto& ctx) { x3::_val(ctx).left.marked = true; };

// "nhiệm kỳ 2020-2025", "giai đoạn 2021 - 2030", "thời kỳ 2021-2030".
const auto period_form_def = (word<&L::period_words> >> hspace)[mark_left] >> num4[set_left_year] >> sep >>
                             num4[set_right_year];
// "từ 7/3 đến 9/3", "từ năm 2020 đến năm 2025", "từ ngày 1 đến ngày 5/3".
const auto range_form_def = (word<&L::range_from> >> hspace)[mark_left] >> range_point[set_left] >> sep >>
                            range_point[set_right];
// "19.8.1945 - 19.8.2025": two complete dates joined by a dash.
const auto date_range_form_def = day_date[set_left] >> sep >> day_date[set_right];
// "2020-2025" alone: only plausible, ordered years (checked by the facade).
const auto year_range_form_def = num4[set_left_year] >> sep >> num4[set_right_year];

BOOST_SPIRIT_DEFINE(now_form, span_form, shift_form, season_form, standalone_form, holiday_form, first_of_form,
                    weekday_form, part_form, relative_clock_form, clock_form, relative_day_form, day_date_form,
                    month_form, quarter_form, year_form, period_form, range_form, date_range_form,
                    year_range_form, bare_year_form)

}  // namespace doichieu::grammars::temporal_x3

#endif  // DOICHIEU_GRAMMARS_X3_TEMPORAL_DEF_HPP_
