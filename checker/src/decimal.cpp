// Exact decimal arithmetic on a 64-bit mantissa; overflow is reported, never wrapped.
#include <doichieu/decimal.hpp>

#include <cstdlib>
#include <limits>

namespace doichieu {
namespace {

using wide = __int128;
constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
constexpr int max_scale = 18;

bool fits(wide v) { return v >= min64 && v <= max64; }

std::optional<wide> pow10(int n) {
  if (n < 0 || n > 36) return std::nullopt;
  wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Brings both operands to the larger scale.
bool align(const decimal& a, const decimal& b, wide& x, wide& y, int& scale) {
  scale = a.scale > b.scale ? a.scale : b.scale;
  auto pa = pow10(scale - a.scale), pb = pow10(scale - b.scale);
  if (!pa || !pb) return false;
  x = static_cast<wide>(a.mantissa) * *pa;
  y = static_cast<wide>(b.mantissa) * *pb;
  return true;
}

std::optional<decimal> from_wide(wide m, int scale) {
  // Drop trailing zeros first so that 1.000 tỉ stays representable.
  while (scale > 0 && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  if (!fits(m)) return std::nullopt;
  return decimal{static_cast<std::int64_t>(m), scale};
}

}  // namespace

std::optional<decimal> decimal::parse(std::string_view s) noexcept {
  if (s.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    i = 1;
  }
  wide m = 0;
  int scale = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    m = m * 10 + (c - '0');
    if (m > static_cast<wide>(max64) * 10) return std::nullopt;  // keeps the __int128 far from overflow
    if (seen_point) {
      if (++scale > max_scale) return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  return from_wide(negative ? -m : m, scale);
}

std::optional<decimal> decimal::plus(const decimal& o) const noexcept {
  wide x, y;
  int scale;
  if (!align(*this, o, x, y, scale)) return std::nullopt;
  return from_wide(x + y, scale);
}

std::optional<decimal> decimal::minus(const decimal& o) const noexcept {
  wide x, y;
  int scale;
  if (!align(*this, o, x, y, scale)) return std::nullopt;
  return from_wide(x - y, scale);
}

std::optional<decimal> decimal::times(const decimal& o) const noexcept {
  wide m = static_cast<wide>(mantissa) * o.mantissa;
  int scale = this->scale + o.scale;
  while (scale > max_scale && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  if (scale > max_scale) return std::nullopt;
  return from_wide(m, scale);
}

std::optional<decimal> decimal::scaled_by_power_of_ten(int power) const noexcept {
  if (power >= 0) {
    if (power <= scale) return from_wide(mantissa, scale - power);
    auto p = pow10(power - scale);
    if (!p) return std::nullopt;
    wide m = static_cast<wide>(mantissa) * *p;
    if (!fits(m)) return std::nullopt;
    return from_wide(m, 0);
  }
  int new_scale = scale - power;
  if (new_scale > max_scale) return std::nullopt;
  return from_wide(mantissa, new_scale);
}

decimal decimal::normalized() const noexcept {
  decimal d = *this;
  while (d.scale > 0 && d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    --d.scale;
  }
  return d;
}

double decimal::to_double() const noexcept {
  // Through the exact text so that 756.2 prints back as 756.2.
  return std::strtod(to_string().c_str(), nullptr);
}

std::string decimal::to_string() const {
  decimal d = normalized();
  bool negative = d.mantissa < 0;
  // Work on the magnitude in 128 bits: -INT64_MIN does not fit in 64.
  wide m = d.mantissa;
  if (negative) m = -m;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m > 0);
  if (d.scale > 0) {
    if (static_cast<int>(digits.size()) <= d.scale) {
      digits.insert(0, static_cast<std::size_t>(d.scale - static_cast<int>(digits.size()) + 1), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(d.scale), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
  wide x, y;
  int scale;
  if (!align(a, b, x, y, scale)) {
    // Scales differ by more than 36 digits: impossible with max_scale = 18, but stay total.
    return a.to_double() < b.to_double() ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  return x < y ? std::strong_ordering::less : (x > y ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace doichieu
