// fraction_not_over_one: "hoàn thành 17/19 chỉ tiêu" — a fraction that counts items out of a whole
// (a counted noun follows it) cannot have more items than the whole: "21/19 chỉ tiêu" is a typo.
// A fraction without a counted noun may be a score or a rate and is not judged.
//
// params:
//   min_noun_bytes   the counted noun after the fraction must have at least this many bytes  (default 2)
#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

class fraction_not_over_one final : public rule_kind {
 public:
  std::size_t min_noun = 2;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::fraction || f.fraction.denominator <= 0) continue;
        // The fraction's own span carries its counted noun ("17/19 chỉ tiêu"); digits and the slash are not one.
        std::string folded = fold(f.text);
        auto slash = folded.find('/');
        if (slash == std::string::npos) continue;
        auto noun_at = folded.find(' ', slash);
        if (noun_at == std::string::npos || folded.size() - noun_at - 1 < min_noun) continue;
        bool over = f.fraction.numerator > f.fraction.denominator;
        if (!over) continue;  // a well-formed share is not worth a passed check of its own
        message_args args{{"numerator", decimal::from_int(f.fraction.numerator)},
                          {"denominator", decimal::from_int(f.fraction.denominator)},
                          {"noun", folded.substr(noun_at + 1)}};
        out.push_back(ctx.make(false, args, {location_of(r, f)}));
      }
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_fraction_not_over_one(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"min_noun_bytes"}, env); !st) return st.error();
  auto n = param_number(params, "min_noun_bytes", 2, env);
  if (!n) return n.error();
  auto k = std::make_unique<fraction_not_over_one>();
  k->min_noun = static_cast<std::size_t>(*n);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
