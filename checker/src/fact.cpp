// Names of fact kinds, qualifiers and severities: the strings of the JSON contract (schemas/*.json).
#include <array>
#include <utility>

#include <doichieu/engine.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/finding.hpp>

namespace doichieu {
namespace {

constexpr std::array<std::pair<fact_kind, std::string_view>, 12> kind_names{{
    {fact_kind::number, "number"},     {fact_kind::ordinal, "ordinal"},   {fact_kind::money, "money"},
    {fact_kind::quantity, "quantity"}, {fact_kind::percent, "percent"},   {fact_kind::ratio, "ratio"},
    {fact_kind::fraction, "fraction"}, {fact_kind::date, "date"},         {fact_kind::time, "time"},
    {fact_kind::duration, "duration"}, {fact_kind::person, "person"},     {fact_kind::docref, "docref"},
}};

}  // namespace

std::string_view to_string(fact_kind kind) noexcept {
  for (const auto& [k, name] : kind_names)
    if (k == kind) return name;
  return "number";
}

std::optional<fact_kind> fact_kind_from_string(std::string_view name) noexcept {
  for (const auto& [k, n] : kind_names)
    if (n == name) return k;
  return std::nullopt;
}

std::string_view to_string(qualifier q) noexcept {
  switch (q) {
    case qualifier::exact: return "exact";
    case qualifier::about: return "about";
    case qualifier::over: return "over";
    case qualifier::under: return "under";
    case qualifier::at_least: return "at-least";
    case qualifier::at_most: return "at-most";
  }
  return "exact";
}

std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

std::optional<severity> severity_from_string(std::string_view name) noexcept {
  if (name == "info") return severity::info;
  if (name == "warning") return severity::warning;
  if (name == "error") return severity::error;
  return std::nullopt;
}

bool check_report::fails_at(severity fail_level) const noexcept {
  for (const auto& f : findings)
    if (!f.passed && f.level >= fail_level) return true;
  return false;
}

}  // namespace doichieu
