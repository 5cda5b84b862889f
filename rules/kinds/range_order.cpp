// range_order: "giảm từ 10 đến 5 độ C" written as a range must run from low to high; a range whose
// start is above its end is a swapped or mistyped bound. Date intervals are checked the same way
// ("từ 20/5 đến 15/5"). A falling change is written with a verb ("giảm từ 10 xuống 5"), which the grammar
// does not read as one range, so it is never judged here.
//
// params:
//   fact_kinds  which facts are checked   (default ["money", "quantity", "number", "percent", "date"])
#include <algorithm>
#include <cctype>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

// Lexicographic comparison of the parts both ends state; nullopt when they share no part to compare.
std::optional<bool> time_after(const civil_time& a, const civil_time& b) {
  const std::optional<int> civil_time::*parts[] = {&civil_time::year, &civil_time::month, &civil_time::day,
                                                   &civil_time::hour, &civil_time::minute};
  bool compared = false;
  for (auto p : parts) {
    if (!(a.*p) || !(b.*p)) break;
    compared = true;
    if (*(a.*p) != *(b.*p)) return *(a.*p) > *(b.*p);
  }
  if (!compared) return std::nullopt;
  return false;
}

class range_order final : public rule_kind {
 public:
  std::vector<fact_kind> kinds;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end()) continue;
        bool swapped = false;
        std::string from, to;
        if (f.kind == fact_kind::date || f.kind == fact_kind::time) {
          const auto& w = f.time_value;
          if (!w.from || !w.to) continue;
          // A yearless range may wrap the new year ("từ tháng 11 đến tháng 3"): both years must be written.
          int years = 0, run = 0;
          for (char c : f.text) {
            run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
            if (run == 4) ++years;
          }
          if (years < 2) continue;
          auto after = time_after(*w.from, *w.to);
          if (!after) continue;
          swapped = *after;
          from = to_iso(*w.from);
          to = to_iso(*w.to);
        } else {
          const auto& a = f.amount_value;
          if (!a.from || !a.to || a.value) continue;
          swapped = *a.from > *a.to;
          from = a.from->to_string();
          to = a.to->to_string();
        }
        // Passed checks for every well-ordered range would drown the report; only problems are shown.
        if (!swapped) continue;
        out.push_back(ctx.make(false, {{"from", from}, {"to", to}, {"text", f.text}}, {location_of(r, f)}));
      }
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_range_order(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"fact_kinds"}, env); !st) return st.error();
  auto names = param_strings(params, "fact_kinds", {"money", "quantity", "number", "percent", "date"}, env);
  if (!names) return names.error();
  auto k = std::make_unique<range_order>();
  for (const auto& n : *names) {
    auto fk = fact_kind_from_string(n);
    if (!fk)
      return make_error(error_kind::bad_rule,
                        "key 'params.fact_kinds': unknown fact kind '" + n +
                            "'; allowed values: number, money, quantity, percent, duration, date, time",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    k->kinds.push_back(*fk);
  }
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
