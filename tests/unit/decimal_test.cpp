#include <catch2/catch.hpp>

#include <doichieu/decimal.hpp>

using doichieu::decimal;

TEST_CASE("decimal parses, adds and compares exactly") {
  auto a = decimal::parse("756.2"), b = decimal::parse("39.8"), total = decimal::parse("796");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(total);
  auto sum = a->plus(*b);
  REQUIRE(sum);
  CHECK(*sum == *total);
  CHECK(sum->to_string() == "796");
  CHECK(a->to_string() == "756.2");
  // 0.1 + 0.2 is 0.3 here, unlike doubles.
  CHECK(*decimal::parse("0.1")->plus(*decimal::parse("0.2")) == *decimal::parse("0.3"));
  CHECK(*decimal::parse("791.2") < *total);
}

TEST_CASE("decimal scales by powers of ten and keeps money exact") {
  auto billions = decimal::parse("756.2")->scaled_by_power_of_ten(9);
  REQUIRE(billions);
  CHECK(billions->mantissa == 756200000000LL);
  CHECK(billions->scale == 0);
  auto back = billions->scaled_by_power_of_ten(-9);
  REQUIRE(back);
  CHECK(back->to_string() == "756.2");
  CHECK(decimal::parse("-0.05")->to_string() == "-0.05");
  CHECK(decimal::parse("1.000")->to_string() == "1");
}

TEST_CASE("decimal refuses overflow and junk instead of wrapping") {
  CHECK_FALSE(decimal::parse("99999999999999999999999"));
  CHECK_FALSE(decimal::parse(""));
  CHECK_FALSE(decimal::parse("1.2.3"));
  CHECK_FALSE(decimal::parse("12a"));
  auto big = decimal::parse("9000000000000000000");
  REQUIRE(big);
  CHECK_FALSE(big->plus(*big));
  CHECK_FALSE(big->scaled_by_power_of_ten(3));
  CHECK(decimal::parse("3")->times(*decimal::parse("2.5"))->to_string() == "7.5");
}
