// doichieu/grammars/lunar_calendar.hpp — the Vietnamese lunisolar calendar (âm lịch), UTC+7.
//
//   auto d = lunar_to_gregorian({2024, 1, 15});     // rằm tháng Giêng Giáp Thìn -> 2024-02-24
//   auto l = gregorian_to_lunar(2024, 2, 10);       // -> {2024, 1, 1, false} (Tết Giáp Thìn)
//   can_chi_of(2024)                                // -> {0, 4}: Giáp Thìn
//
// Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch", astronomical new moons and solar terms
// after Jean Meeus, evaluated at UTC+7 as Vietnam has used since 1968). The lunar year is named by the
// Gregorian year in which its first month starts (Tết Giáp Thìn is in 2024); months 11 and 12 of lunar
// year N fall around December N / January N+1.
#ifndef DOICHIEU_GRAMMARS_LUNAR_CALENDAR_HPP_
#define DOICHIEU_GRAMMARS_LUNAR_CALENDAR_HPP_

#include <optional>

namespace doichieu::grammars {

struct lunar_date {
  int year = 0;   // the lunar year, named by its Gregorian year
  int month = 0;  // 1..12
  int day = 0;    // 1..30
  bool leap = false;  // the intercalary month that repeats `month` ("tháng 2 nhuận")
};

struct gregorian_date {
  int year = 0, month = 0, day = 0;
};

// The Gregorian day of a lunar date; nullopt when the date does not exist (day 30 of a 29-day month,
// a leap month in a year that has none or another one) or the year is outside 1800..2199.
std::optional<gregorian_date> lunar_to_gregorian(const lunar_date& d, double time_zone = 7.0);

// The lunar date of a Gregorian day (1800..2199).
std::optional<lunar_date> gregorian_to_lunar(int year, int month, int day, double time_zone = 7.0);

// The sexagenary name of a lunar year: stem (can) 0 = Giáp ... 9 = Quý; branch (chi) 0 = Tý ... 11 = Hợi.
struct can_chi {
  int can = 0, chi = 0;
};
can_chi can_chi_of(int lunar_year) noexcept;
// The index 0..59 of a year in the sexagenary cycle (0 = Giáp Tý, e.g. 1984, 2044); -1 for a stem and
// branch that never pair (an odd stem with an even branch).
int cycle_index(can_chi name) noexcept;
// The lunar year with this cycle index nearest to `near` (ties to the later one).
int year_of_cycle(int index, int near) noexcept;

}  // namespace doichieu::grammars

#endif  // DOICHIEU_GRAMMARS_LUNAR_CALENDAR_HPP_
