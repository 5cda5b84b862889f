// doichieu/decimal.hpp — exact decimal numbers for money and counts.
//
//   decimal d = *decimal::parse("756.2");        // mantissa 7562, scale 1
//   decimal billions = d.scaled_by_power_of_ten(9); // 756200000000
//   d.to_string() == "756.2"
//
// Money must never be a double: 756,2 + 39,8 has to equal 796 exactly. A decimal is
// mantissa × 10^-scale with a 64-bit mantissa; operations that would overflow return nullopt
// instead of wrapping, so a 200,000-digit run is simply "not a number we can hold".
#ifndef DOICHIEU_DECIMAL_HPP_
#define DOICHIEU_DECIMAL_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace doichieu {

struct decimal {
  std::int64_t mantissa = 0;
  std::int32_t scale = 0;  // number of digits after the decimal point, >= 0

  static decimal from_int(std::int64_t v) noexcept { return decimal{v, 0}; }
  // Parses "-12.345" style text (ASCII digits, optional '-', optional '.'); nullopt on overflow or junk.
  static std::optional<decimal> parse(std::string_view ascii) noexcept;

  // Exact arithmetic; nullopt on 64-bit overflow.
  std::optional<decimal> plus(const decimal& other) const noexcept;
  std::optional<decimal> minus(const decimal& other) const noexcept;
  std::optional<decimal> times(const decimal& other) const noexcept;
  // value × 10^power (power may be negative: shifts the decimal point left).
  std::optional<decimal> scaled_by_power_of_ten(int power) const noexcept;

  // Removes trailing zero digits after the point: 7.50 -> 7.5, 100 stays 100.
  decimal normalized() const noexcept;
  bool is_integer() const noexcept { return normalized().scale == 0; }
  double to_double() const noexcept;
  // Shortest exact text, '.' as decimal point: "756.2", "796000000000", "-0.5".
  std::string to_string() const;

  // Exact comparison across scales.
  friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept;
  friend bool operator==(const decimal& a, const decimal& b) noexcept { return (a <=> b) == 0; }
};

}  // namespace doichieu

#endif  // DOICHIEU_DECIMAL_HPP_
