// The Vietnamese lunisolar calendar after Hồ Ngọc Đức's algorithm (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html):
// a lunar month starts on the local day of a new moon; month 11 is the month containing the winter
// solstice; a year with 13 months between two months 11 repeats the first month that contains no major
// solar term (the leap month). Astronomy after Jean Meeus, "Astronomical Algorithms" (new moons with the
// main periodic terms, solar longitude to 0.01°), accurate to the day for 1800..2199.
#include <doichieu/grammars/lunar_calendar.hpp>

#include <cmath>

namespace doichieu::grammars {
namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double synodic_month = 29.530588853;

long floor_div(double x) { return static_cast<long>(std::floor(x)); }

// Julian day number of a Gregorian date (the Julian calendar before 15 October 1582).
long jd_from_date(int dd, int mm, int yy) {
  const long a = (14 - mm) / 12;
  const long y = yy + 4800 - a;
  const long m = mm + 12 * a - 3;
  long jd = dd + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
  if (jd < 2299161) jd = dd + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
  return jd;
}

gregorian_date jd_to_date(long jd) {
  long b = 0, c = 0;
  if (jd > 2299160) {
    const long a = jd + 32044;
    b = (4 * a + 3) / 146097;
    c = a - (b * 146097) / 4;
  } else {
    c = jd + 32082;
  }
  const long d = (4 * c + 3) / 1461;
  const long e = c - (1461 * d) / 4;
  const long m = (5 * e + 2) / 153;
  gregorian_date out;
  out.day = static_cast<int>(e - (153 * m + 2) / 5 + 1);
  out.month = static_cast<int>(m + 3 - 12 * (m / 10));
  out.year = static_cast<int>(b * 100 + d - 4800 + m / 10);
  return out;
}

// Julian day (fractional, UT) of the k-th new moon after 1900-01-01.
double new_moon(long k) {
  const double T = k / 1236.85;
  const double T2 = T * T, T3 = T2 * T;
  const double dr = pi / 180;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const double M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const double Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const double F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  double c1 = (0.1734 - 0.000393 * T) * std::sin(M * dr) + 0.0021 * std::sin(2 * dr * M);
  c1 = c1 - 0.4068 * std::sin(Mpr * dr) + 0.0161 * std::sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * F) - 0.0051 * std::sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (M - Mpr)) + 0.0004 * std::sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * F - M)) - 0.0006 * std::sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * F - Mpr)) + 0.0005 * std::sin(dr * (2 * Mpr + M));
  const double deltat = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
                                : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltat;
}

// Solar longitude in radians, normalised to [0, 2π), at Julian day `jdn` (UT).
double sun_longitude(double jdn) {
  const double T = (jdn - 2451545.0) / 36525;
  const double T2 = T * T;
  const double dr = pi / 180;
  const double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * std::sin(dr * 2 * M) + 0.000290 * std::sin(dr * 3 * M);
  double L = (L0 + DL) * dr;
  L = L - pi * 2 * std::floor(L / (pi * 2));
  return L;
}

// The major solar term (0..11, 30° each from the vernal equinox) at the local midnight starting day `jd`.
int solar_term(long jd, double tz) { return static_cast<int>(std::floor(sun_longitude(jd - 0.5 - tz / 24) / pi * 6)); }

long new_moon_day(long k, double tz) { return floor_div(new_moon(k) + 0.5 + tz / 24); }

// The local day that starts lunar month 11 (the month of the winter solstice) of Gregorian year `yy`.
long lunar_month_11(int yy, double tz) {
  const long off = jd_from_date(31, 12, yy) - 2415021;
  const long k = floor_div(off / synodic_month);
  long nm = new_moon_day(k, tz);
  if (solar_term(nm, tz) >= 9) nm = new_moon_day(k - 1, tz);
  return nm;
}

// In a 13-month year starting at month 11 `a11`: the offset of the leap month (the first without a major term).
int leap_month_offset(long a11, double tz) {
  const long k = floor_div((a11 - 2415021.076998695) / synodic_month + 0.5);
  int i = 1;
  int arc = solar_term(new_moon_day(k + i, tz), tz);
  int last = 0;
  do {
    last = arc;
    ++i;
    arc = solar_term(new_moon_day(k + i, tz), tz);
  } while (arc != last && i < 14);
  return i - 1;
}

bool supported_year(int y) { return y >= 1800 && y <= 2199; }

}  // namespace

std::optional<gregorian_date> lunar_to_gregorian(const lunar_date& d, double tz) {
  if (!supported_year(d.year) || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 30) return std::nullopt;
  long a11 = 0, b11 = 0;
  if (d.month < 11) {
    a11 = lunar_month_11(d.year - 1, tz);
    b11 = lunar_month_11(d.year, tz);
  } else {
    a11 = lunar_month_11(d.year, tz);
    b11 = lunar_month_11(d.year + 1, tz);
  }
  const long k = floor_div(0.5 + (a11 - 2415021.076998695) / synodic_month);
  int off = d.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = leap_month_offset(a11, tz);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (d.leap && d.month != leap_month) return std::nullopt;
    if (d.leap || off >= leap_off) off += 1;
  } else if (d.leap) {
    return std::nullopt;
  }
  const long month_start = new_moon_day(k + off, tz);
  const long next_start = new_moon_day(k + off + 1, tz);
  if (month_start + d.day - 1 >= next_start) return std::nullopt;  // day 30 of a short month
  return jd_to_date(month_start + d.day - 1);
}

std::optional<lunar_date> gregorian_to_lunar(int year, int month, int day, double tz) {
  if (!supported_year(year) || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const long day_number = jd_from_date(day, month, year);
  const long k = floor_div((day_number - 2415021.076998695) / synodic_month);
  long month_start = new_moon_day(k + 1, tz);
  if (month_start > day_number) month_start = new_moon_day(k, tz);
  long a11 = lunar_month_11(year, tz);
  long b11 = a11;
  int lunar_year = 0;
  if (a11 >= month_start) {
    lunar_year = year;
    a11 = lunar_month_11(year - 1, tz);
  } else {
    lunar_year = year + 1;
    b11 = lunar_month_11(year + 1, tz);
  }
  lunar_date out;
  out.day = static_cast<int>(day_number - month_start + 1);
  const long diff = floor_div(static_cast<double>(month_start - a11) / 29);
  int lunar_month = static_cast<int>(diff + 11);
  if (b11 - a11 > 365) {
    const int leap_diff = leap_month_offset(a11, tz);
    if (diff >= leap_diff) {
      lunar_month = static_cast<int>(diff + 10);
      if (diff == leap_diff) out.leap = true;
    }
  }
  if (lunar_month > 12) lunar_month -= 12;
  if (lunar_month >= 11 && diff < 4) lunar_year -= 1;
  out.month = lunar_month;
  out.year = lunar_year;
  return out;
}

can_chi can_chi_of(int lunar_year) noexcept {
  return {((lunar_year + 6) % 10 + 10) % 10, ((lunar_year + 8) % 12 + 12) % 12};
}

int cycle_index(can_chi name) noexcept {
  if (name.can < 0 || name.can > 9 || name.chi < 0 || name.chi > 11 || (name.can - name.chi) % 2 != 0) return -1;
  for (int i = 0; i < 60; ++i)
    if (i % 10 == name.can && i % 12 == name.chi) return i;
  return -1;
}

int year_of_cycle(int index, int near) noexcept {
  // 1984 is Giáp Tý (index 0).
  const int base = near - ((near - 1984) % 60 + 60) % 60 + index;  // the year with that index in near's cycle
  int best = base;
  for (int y : {base - 60, base, base + 60}) {
    const int dist = y > near ? y - near : near - y;
    const int best_dist = best > near ? best - near : near - best;
    if (dist < best_dist || (dist == best_dist && y > best)) best = y;
  }
  return best;
}

}  // namespace doichieu::grammars
