// share_of_total: "trong tổng số 200 ca, có 50 ca tử vong, chiếm 25%" — a share announced by a cue
// ("chiếm") must equal part / total of the two figures of one measure written in its sentence. Judged only
// when the sentence has exactly two point figures of one measure before the share (the smaller is the
// part), so a share of a whole that is not written stays unchecked.
//
// params:
//   cues           words just before the percent that make it a share         (default ["chiếm"])
//   window         how many bytes before the percent the cue may sit           (default 24)
//   points         slack in percentage points besides the written rounding     (default 1)
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

class share_of_total final : public rule_kind {
 public:
  std::vector<std::string> cues;
  double window = 24;
  double points = 1;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      const auto& facts = *reports[r].facts;
      for (const auto& f : facts) {
        if (f.kind != fact_kind::percent || !f.amount_value.value) continue;
        std::string_view before = sentence_before(doc, f);
        std::size_t w = static_cast<std::size_t>(window);
        if (before.size() > w) before = before.substr(before.size() - w);
        if (!has_any_word(before, cues)) continue;
        check(r, facts, f, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const std::vector<fact>& facts, const fact& share, const rule_context& ctx,
             std::vector<finding>& out) const {
    std::map<std::tuple<int, std::string, std::string>, std::vector<const fact*>> groups;
    for (const auto& f : facts) {
      if (f.sentence != share.sentence || f.nfc_begin >= share.nfc_begin) continue;
      if (!is_point_figure(f) || f.kind == fact_kind::percent) continue;
      // The head noun of the counted phrase names the measure: "ca mắc" and "ca tử vong" are both "ca".
      const std::string& counted = f.amount_value.counted;
      groups[{static_cast<int>(f.kind), f.amount_value.unit, counted.substr(0, counted.find(' '))}].push_back(&f);
    }
    if (groups.size() != 1) return;  // figures of several measures: the whole is not clear
    const auto& list = groups.begin()->second;
    if (list.size() != 2) return;
    const fact* part = list[0];
    const fact* whole = list[1];
    double vp = part->amount_value.value->to_double(), vw = whole->amount_value.value->to_double();
    if (vp > vw) {
      std::swap(part, whole);
      std::swap(vp, vw);
    }
    if (vw <= 0 || vp <= 0 || part->amount_value.qual != qualifier::exact ||
        whole->amount_value.qual != qualifier::exact)
      return;
    double computed = 100.0 * vp / vw;
    const decimal& written = *share.amount_value.value;
    double x = written.to_double();
    // Ten times off is a price against a capital, not a part against its whole: the pair is misread.
    if (computed < x / 10 || computed > x * 10) return;
    double slack = points + half_last_digit(written) * (written.normalized().scale > 0 ? 1 : 0);
    bool ok;
    switch (share.amount_value.qual) {
      case qualifier::over:
      case qualifier::at_least: ok = computed >= x - slack; break;
      case qualifier::under:
      case qualifier::at_most: ok = computed <= x + slack; break;
      case qualifier::about: ok = std::fabs(computed - x) <= 2 * slack + 0.1 * x; break;
      default: ok = std::fabs(computed - x) <= slack; break;
    }
    std::vector<location> locs{location_of(r, share), location_of(r, *part), location_of(r, *whole)};
    message_args args{{"share", written},
                      {"computed", decimal_from_double(computed, 1)},
                      {"part", std::string(part->text)},
                      {"whole", std::string(whole->text)}};
    out.push_back(ctx.make(ok, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_share_of_total(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"cues", "window", "points"}, env); !st) return st.error();
  auto k = std::make_unique<share_of_total>();
  auto cues = param_strings(params, "cues", {"chiếm"}, env);
  if (!cues) return cues.error();
  auto window = param_number(params, "window", 24, env);
  if (!window) return window.error();
  auto points = param_number(params, "points", 1, env);
  if (!points) return points.error();
  for (auto& c : *cues) k->cues.push_back(fold(c));
  k->window = *window;
  k->points = *points;
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
