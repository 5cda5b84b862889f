// grammars/x3/temporal_date_def.hpp — definition of `numeric_date` (declared in temporal.hpp).
//
// Context-free (it reads no lexicon), so a family that embeds a date in its own grammar (docref:
// "ngày 16/3/2022") includes this header in its TU and uses `temporal_x3::numeric_date` directly; the
// generated parse_rule is an inline template, so every TU and context gets its own instantiation.
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_TEMPORAL_DATE_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_TEMPORAL_DATE_DEF_HPP_

#include <boost/spirit/home/x3.hpp>

#include "x3/temporal.hpp"

namespace doichieu::grammars::temporal_x3 {

namespace date_detail {

// Proleptic Gregorian month length; the grammar refuses "31/4" and "29/2/2023".
inline int days_in_month(int year, int month) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year != 0 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return 29;
  if (month == 2 && year == 0) return 29;  // yearless "29/2" may be a leap day
  return days[month - 1];
}

// An ASCII digit as a character range, not x3::digit: the char-class parsers call isdigit on UTF-8 bytes
// (negative chars), which Boost asserts against in debug builds and which is undefined behaviour in C.
inline const auto ascii_digit = x3::char_('0', '9');

inline const auto one_or_two_digits = x3::uint_parser<int, 10, 1, 2>{} >> !ascii_digit;
inline const auto four_digit_year = x3::uint_parser<int, 10, 4, 4>{} >> !ascii_digit;
inline const auto two_digit_year = x3::uint_parser<int, 10, 2, 2>{} >> !ascii_digit;

inline const auto set_day = [](auto& ctx) { x3::_val(ctx).day = x3::_attr(ctx); };
inline const auto set_month = [](auto& ctx) { x3::_val(ctx).month = x3::_attr(ctx); };
inline const auto set_year = [](auto& ctx) { x3::_val(ctx).year = x3::_attr(ctx); };
// Two-digit years as Duckling reads them: "3/9/91" is 1991, "3/3/17" is 2017.
inline const auto set_short_year = [](auto& ctx) {
  const int y = x3::_attr(ctx);
  x3::_val(ctx).year = y < 50 ? 2000 + y : 1900 + y;
};
inline const auto check = [](auto& ctx) {
  auto& d = x3::_val(ctx);
  const bool plausible_year = d.year == 0 || (d.year >= 1000 && d.year <= 2999);
  x3::_pass(ctx) = plausible_year && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
                   d.day <= days_in_month(d.year, d.month);
};

template <char Sep>
inline const auto with_separator =
    x3::lit(Sep) >> one_or_two_digits[set_month] >>
    -(x3::lit(Sep) >> (four_digit_year[set_year] | two_digit_year[set_short_year])) >>
    x3::eps[([](auto& ctx) { x3::_val(ctx).separator = Sep; })];

}  // namespace date_detail

inline const numeric_date_type numeric_date = "numeric_date";
inline const auto numeric_date_def =
    date_detail::one_or_two_digits[date_detail::set_day] >>
    (date_detail::with_separator<'/'> | date_detail::with_separator<'-'> | date_detail::with_separator<'.'>) >>
    x3::eps[date_detail::check];
BOOST_SPIRIT_DEFINE(numeric_date)

}  // namespace doichieu::grammars::temporal_x3

#endif  // DOICHIEU_GRAMMARS_X3_TEMPORAL_DATE_DEF_HPP_
