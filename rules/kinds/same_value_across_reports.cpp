// same_value_across_reports: a figure about the same subject must agree between reports of one event.
// Facts are aligned by kind, unit and subject (src/align.hpp, rules/README.md); each figure of a report
// is paired with its best-aligned figure in every later report. A pair that agrees, exactly or within a
// hedge or rounding, is a passed check listing both; a pair that cannot agree is a finding listing both.
//
// params:
//   fact_kinds          figures to compare          (default ["money", "quantity", "number", "percent"])
//   min_overlap         head words two subjects must share when there is no counted noun   (default 2)
//   min_ratio           ... as a share of the shorter head                                   (default 0.6)
//   about_tolerance, rounding_tolerance                                                      (0.1, 0.005)
#include <algorithm>

#include "kinds/kind.hpp"
#include "src/align.hpp"

namespace doichieu::rules {
namespace {

class same_value_across_reports final : public rule_kind {
 public:
  std::vector<fact_kind> kinds;
  std::size_t min_overlap = 2;
  double min_ratio = 0.6;
  tolerance tol;
  subject_lexicon lex;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    if (reports.size() < 2) return;
    std::vector<std::vector<std::pair<const fact*, subject>>> figures(reports.size());
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (!wanted(f)) continue;
        subject s = subject_of(*reports[r].doc, f, lex);
        // A bare number with neither counted noun nor head says nothing we could align on.
        if (s.counted.empty() && s.head.empty()) continue;
        if (f.kind == fact_kind::number && s.counted.empty()) continue;
        figures[r].emplace_back(&f, std::move(s));
      }
    }
    for (std::size_t a = 0; a < reports.size(); ++a) {
      for (std::size_t b = a + 1; b < reports.size(); ++b) compare_reports(a, b, figures, ctx, out);
    }
  }

 private:
  bool wanted(const fact& f) const {
    return std::find(kinds.begin(), kinds.end(), f.kind) != kinds.end() && headline_value(f.amount_value);
  }

  // Another figure of `r` that is about the same subject as `s` but cannot agree with `f`: the subject is
  // then ambiguous in that report (two growth rates of "giá lương thực", one per period), and a departure
  // of the other report could be from either, so it is not judged.
  bool ambiguous(std::size_t r, const fact* f, const subject& s,
                 const std::vector<std::vector<std::pair<const fact*, subject>>>& figures) const {
    for (const auto& [g, sg] : figures[r]) {
      if (g == f || g->kind != f->kind || g->amount_value.unit != f->amount_value.unit) continue;
      if (alignment_score(s, sg, min_overlap, min_ratio) == 0) continue;
      if (compare_amounts(f->amount_value, g->amount_value, tol) == agreement::conflict) return true;
    }
    return false;
  }

  void compare_reports(std::size_t a, std::size_t b,
                       const std::vector<std::vector<std::pair<const fact*, subject>>>& figures,
                       const rule_context& ctx, std::vector<finding>& out) const {
    std::vector<bool> used(figures[b].size(), false);
    for (const auto& [fa, sa] : figures[a]) {
      // Best partner: any aligned figure that agrees (highest score first), so that several mentions of one
      // subject in a report are never played against each other; else the best-scoring one.
      int best_score = 0, agree_score = 0, ties = 0;
      std::size_t best = 0, agree = 0;
      agreement agree_how = agreement::conflict;
      for (std::size_t k = 0; k < figures[b].size(); ++k) {
        const auto& [fb, sb] = figures[b][k];
        if (fb->kind != fa->kind || fb->amount_value.unit != fa->amount_value.unit) continue;
        int score = alignment_score(sa, sb, min_overlap, min_ratio);
        if (score == 0) continue;
        agreement how = compare_amounts(fa->amount_value, fb->amount_value, tol);
        if (how != agreement::conflict && score > agree_score) {
          agree_score = score;
          agree = k;
          agree_how = how;
        }
        if (score > best_score) {
          best_score = score;
          best = k;
          ties = 1;
        } else if (score == best_score) {
          ++ties;
        }
      }
      if (best_score == 0) continue;
      bool passed = agree_score > 0;
      std::size_t partner = passed ? agree : best;
      if (used[partner]) continue;
      const fact* fb = figures[b][partner].first;
      if (!passed) {
        // A conflict needs one clear partner, a subject that is not ambiguous in either report, and the
        // partner's own best match in report a to be this figure (mutual best).
        if (ties > 1) continue;
        const subject& sb = figures[b][partner].second;
        if (ambiguous(a, fa, sa, figures) || ambiguous(b, fb, sb, figures)) continue;
        int back_best = 0;
        const fact* back = nullptr;
        for (const auto& [g, sg] : figures[a]) {
          if (g->kind != fb->kind || g->amount_value.unit != fb->amount_value.unit) continue;
          int score = alignment_score(sb, sg, min_overlap, min_ratio);
          if (score > back_best) {
            back_best = score;
            back = g;
          }
        }
        if (back != fa) continue;
      }
      used[partner] = true;
      message_args args{{"subject", describe(sa)},
                        {"first", fa->text},
                        {"second", fb->text},
                        {"basis", std::string(to_string(passed ? agree_how : agreement::conflict))}};
      // The later report's figure is primary: it is the one that departs from what was said first.
      out.push_back(ctx.make(passed, args, {location_of(b, *fb), location_of(a, *fa)}));
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_same_value_across_reports(const nlohmann::json& params,
                                                                        const kind_env& env) {
  if (auto st = check_param_keys(params, {"fact_kinds", "min_overlap", "min_ratio", "about_tolerance", "rounding_tolerance"}, env); !st)
    return st.error();
  auto k = std::make_unique<same_value_across_reports>();
  auto kind_names = param_strings(params, "fact_kinds", {"money", "quantity", "number", "percent"}, env);
  if (!kind_names) return kind_names.error();
  for (const auto& name : *kind_names) {
    auto fk = fact_kind_from_string(name);
    if (!fk)
      return make_error(error_kind::bad_rule,
                        "key 'params.fact_kinds': unknown fact kind '" + name +
                            "'; allowed values: number, money, quantity, percent, ratio, duration",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    k->kinds.push_back(*fk);
  }
  auto overlap = param_number(params, "min_overlap", 2, env);
  if (!overlap) return overlap.error();
  auto ratio = param_number(params, "min_ratio", 0.6, env);
  if (!ratio) return ratio.error();
  auto about = param_number(params, "about_tolerance", 0.1, env);
  if (!about) return about.error();
  auto rounding = param_number(params, "rounding_tolerance", 0.005, env);
  if (!rounding) return rounding.error();
  auto lex = load_subject_lexicon(env.data_dir);
  if (!lex) return lex.error();
  k->min_overlap = static_cast<std::size_t>(*overlap);
  k->min_ratio = *ratio;
  k->tol = {*about, *rounding};
  k->lex = std::move(*lex);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
