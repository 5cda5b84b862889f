// ISO 8601 text of civil times and the names of grains: the strings of the facts JSON contract.
#include <cstdio>
#include <string>

#include <doichieu/fact.hpp>

namespace doichieu {

std::string_view to_string(grain g) noexcept {
  switch (g) {
    case grain::second: return "second";
    case grain::minute: return "minute";
    case grain::hour: return "hour";
    case grain::day: return "day";
    case grain::week: return "week";
    case grain::month: return "month";
    case grain::quarter: return "quarter";
    case grain::year: return "year";
  }
  return "day";
}

// Only the known parts are written, so the text says what the report said: "2024", "2024-03", "2024-03-07",
// "--03-07" (ISO 8601 without a year), "--03" (a yearless month), "2024-03-07T14:30:00", and
// "T14:30:00" for a clock time on an unknown day.
std::string to_iso(const civil_time& t) {
  char buf[32];
  std::string out;
  auto two = [&](int v) {
    std::snprintf(buf, sizeof buf, "%02d", v);
    return std::string(buf);
  };
  if (t.year) {
    std::snprintf(buf, sizeof buf, "%04d", *t.year);
    out = buf;
    if (t.month) {
      out += "-" + two(*t.month);
      if (t.day) out += "-" + two(*t.day);
    }
  } else if (t.month) {
    out = "--" + two(*t.month);
    if (t.day) out += "-" + two(*t.day);
  }
  if (t.hour) {
    out += "T" + two(*t.hour) + ":" + two(t.minute.value_or(0)) + ":" + two(t.second.value_or(0));
  }
  return out;
}

}  // namespace doichieu
