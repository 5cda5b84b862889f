// The lunar calendar against dates published by the Vietnamese government calendar and almanacs.
#include <catch2/catch.hpp>

#include <doichieu/grammars/lunar_calendar.hpp>

using doichieu::grammars::can_chi_of;
using doichieu::grammars::cycle_index;
using doichieu::grammars::gregorian_to_lunar;
using doichieu::grammars::lunar_date;
using doichieu::grammars::lunar_to_gregorian;
using doichieu::grammars::year_of_cycle;

namespace {
std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}
std::string solar(lunar_date l) {
  auto g = lunar_to_gregorian(l);
  return g ? iso(g->year, g->month, g->day) : "none";
}
}  // namespace

TEST_CASE("lunar dates convert to the Gregorian days Vietnam observed", "[lunar]") {
  CHECK(solar({2024, 1, 1}) == "2024-02-10");   // Tết Giáp Thìn
  CHECK(solar({2025, 1, 1}) == "2025-01-29");   // Tết Ất Tỵ
  CHECK(solar({2024, 1, 15}) == "2024-02-24");  // rằm tháng Giêng
  CHECK(solar({2023, 1, 1}) == "2023-01-22");   // Tết Quý Mão
  CHECK(solar({2024, 3, 10}) == "2024-04-18");  // Giỗ Tổ Hùng Vương
  CHECK(solar({2024, 8, 15}) == "2024-09-17");  // Tết Trung thu
  CHECK(solar({2020, 1, 1}) == "2020-01-25");   // Tết Canh Tý
  // 1985: Vietnam (UTC+7) kept Tết on 21 January, a month before China (UTC+8).
  CHECK(solar({1985, 1, 1}) == "1985-01-21");
}

TEST_CASE("leap months and impossible lunar dates", "[lunar]") {
  CHECK(solar({2023, 2, 1, true}) == "2023-03-22");  // tháng 2 nhuận Quý Mão
  CHECK(solar({2023, 3, 1}) == "2023-04-20");        // the month after the leap month
  CHECK(solar({2020, 4, 1, true}) == "2020-05-23");  // tháng 4 nhuận Canh Tý
  CHECK(solar({2024, 2, 1, true}) == "none");        // 2024 has no leap month
  CHECK(solar({2023, 5, 1, true}) == "none");        // 2023's leap month is the second
  CHECK(solar({2024, 1, 30}) == "none");             // tháng Giêng Giáp Thìn has 29 days
  CHECK(solar({2024, 13, 1}) == "none");
  CHECK(solar({1700, 1, 1}) == "none");
}

TEST_CASE("Gregorian days convert back to their lunar dates", "[lunar]") {
  auto l = gregorian_to_lunar(2024, 2, 10);
  REQUIRE(l);
  CHECK((l->year == 2024 && l->month == 1 && l->day == 1 && !l->leap));
  l = gregorian_to_lunar(2024, 2, 9);  // Giao thừa: 30 tháng Chạp Quý Mão
  REQUIRE(l);
  CHECK((l->year == 2023 && l->month == 12 && l->day == 30));
  l = gregorian_to_lunar(2023, 4, 5);
  REQUIRE(l);
  CHECK((l->year == 2023 && l->month == 2 && l->leap));
  // Round trip over three years, every day.
  for (int y = 2023; y <= 2025; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 28; ++d) {
        auto back = gregorian_to_lunar(y, m, d);
        REQUIRE(back);
        auto again = lunar_to_gregorian(*back);
        REQUIRE(again);
        CHECK(iso(again->year, again->month, again->day) == iso(y, m, d));
      }
}

TEST_CASE("sexagenary year names", "[lunar]") {
  CHECK(can_chi_of(2024).can == 0);  // Giáp
  CHECK(can_chi_of(2024).chi == 4);  // Thìn
  CHECK(can_chi_of(2025).can == 1);  // Ất
  CHECK(can_chi_of(2025).chi == 5);  // Tỵ
  CHECK(cycle_index({0, 4}) == 40);
  CHECK(cycle_index({0, 5}) == -1);  // Giáp never pairs with Tỵ
  CHECK(year_of_cycle(40, 2024) == 2024);
  CHECK(year_of_cycle(40, 2050) == 2024);
  CHECK(year_of_cycle(40, 2060) == 2084);
  CHECK(year_of_cycle(cycle_index({3, 3}), 2024) == 2047);  // Đinh Mão: 1987 or 2047
  CHECK(year_of_cycle(cycle_index({9, 3}), 2024) == 2023);  // Quý Mão
}
