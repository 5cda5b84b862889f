// ratio_of_figures: "doanh thu đạt 300 tỉ đồng, gấp 3 lần năm trước (100 tỉ đồng)" — a ratio statement
// must match the two figures it compares when both are written in the same sentence. Only an unambiguous
// case is judged: exactly two point figures of the same measure (kind, unit, counted noun) in the
// sentence, and no other measure with two figures; otherwise the sentence says nothing checkable.
//
// params:
//   cues        words in the ratio's own text that make it a comparison of two figures  (default ["gấp"])
//   tolerance   relative slack on the written ratio, for loose rounding ("gấp 3 lần" for 2,8)  (default 0.1)
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

class ratio_of_figures final : public rule_kind {
 public:
  std::vector<std::string> cues;
  double tolerance = 0.1;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const auto& facts = *reports[r].facts;
      for (const auto& f : facts) {
        if (f.kind != fact_kind::ratio || !f.amount_value.value) continue;
        if (!has_any_word(fold(f.text), cues)) continue;
        check(r, facts, f, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const std::vector<fact>& facts, const fact& ratio,
             const rule_context& ctx, std::vector<finding>& out) const {
    std::map<std::tuple<int, std::string, std::string>, std::vector<const fact*>> groups;
    for (const auto& f : facts) {
      if (f.sentence != ratio.sentence || !is_point_figure(f)) continue;
      groups[{static_cast<int>(f.kind), f.amount_value.unit, f.amount_value.counted}].push_back(&f);
    }
    const std::vector<const fact*>* pair = nullptr;
    for (const auto& [key, list] : groups) {
      if (list.size() < 2) continue;
      if (pair) return;  // two measures with two figures each: which pair the ratio compares is unclear
      pair = &list;
    }
    if (!pair || pair->size() != 2) return;
    const fact* a = (*pair)[0];
    const fact* b = (*pair)[1];
    double va = a->amount_value.value->to_double(), vb = b->amount_value.value->to_double();
    if (va <= 0 || vb <= 0) return;
    // A hedged figure ("gần 600 USD") or a unit price ("1 USD") is not one side of a written ratio.
    if (a->amount_value.qual != qualifier::exact || b->amount_value.qual != qualifier::exact) return;
    if (va < vb) {
      std::swap(a, b);
      std::swap(va, vb);
    }
    double computed = va / vb;
    const decimal& written = *ratio.amount_value.value;
    double x = written.to_double();
    double slack = std::max(tolerance * x, written.normalized().scale > 0 ? half_last_digit(written) : 0.0);
    bool ok = false;
    switch (ratio.amount_value.qual) {
      case qualifier::over:
      case qualifier::at_least: ok = computed >= x - slack; break;
      case qualifier::under:
      case qualifier::at_most: ok = computed <= x + slack; break;
      case qualifier::about: ok = std::fabs(computed - x) <= 2 * slack; break;
      case qualifier::exact: ok = std::fabs(computed - x) <= slack; break;
    }
    std::vector<location> locs{location_of(r, ratio), location_of(r, *a), location_of(r, *b)};
    message_args args{{"ratio", written},
                      {"computed", decimal_from_double(computed, 2)},
                      {"larger", std::string(a->text)},
                      {"smaller", std::string(b->text)}};
    out.push_back(ctx.make(ok, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_ratio_of_figures(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"cues", "tolerance"}, env); !st) return st.error();
  auto k = std::make_unique<ratio_of_figures>();
  auto cues = param_strings(params, "cues", {"gấp"}, env);
  if (!cues) return cues.error();
  auto tol = param_number(params, "tolerance", 0.1, env);
  if (!tol) return tol.error();
  for (auto& c : *cues) k->cues.push_back(fold(c));
  k->tolerance = *tol;
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
