// shares_sum_to_whole: "cơ cấu vốn gồm ngân sách chiếm 60%, doanh nghiệp chiếm 30%, người dân chiếm 20%" —
// shares of one whole listed in one sentence cannot add up to more than 100 %; when the sentence says the
// list is complete (a whole cue such as "cơ cấu", "gồm") they must add up to 100 %. Only percents written
// right after a share cue count, so growth rates ("tăng 5%") in the same sentence are never summed.
//
// params:
//   share_cues   words just before each percent that make it a share          (default ["chiếm"])
//   whole_cues   words in the sentence saying the shares make up the whole     (default ["cơ cấu", "gồm", "bao gồm"])
//   window       how many bytes before a percent its cue may sit               (default 24)
//   points       slack in percentage points per share for rounding             (default 0.5)
#include <algorithm>
#include <cmath>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

class shares_sum_to_whole final : public rule_kind {
 public:
  std::vector<std::string> share_cues, whole_cues;
  double window = 24;
  double points = 0.5;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      const auto& facts = *reports[r].facts;
      std::size_t i = 0;
      while (i < facts.size()) {
        std::size_t sentence = facts[i].sentence;
        std::vector<const fact*> shares;
        for (; i < facts.size() && facts[i].sentence == sentence; ++i) {
          const fact& f = facts[i];
          if (f.kind != fact_kind::percent || !f.amount_value.value || f.amount_value.qual != qualifier::exact) continue;
          std::string_view before = sentence_before(doc, f);
          std::size_t w = static_cast<std::size_t>(window);
          if (before.size() > w) before = before.substr(before.size() - w);
          if (has_any_word(before, share_cues)) shares.push_back(&f);
        }
        if (shares.size() >= 2) check(r, doc, shares, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const document& doc, const std::vector<const fact*>& shares, const rule_context& ctx,
             std::vector<finding>& out) const {
    decimal sum = decimal::from_int(0);
    number_list parts;
    for (const fact* f : shares) {
      auto next = sum.plus(*f->amount_value.value);
      if (!next) return;
      sum = *next;
      parts.items.push_back(*f->amount_value.value);
    }
    const fact& first = *shares.front();
    std::size_t sb = first.sentence < doc.sentences.size() ? doc.sentences[first.sentence].begin : 0;
    bool complete = has_any_word(folded_range(doc, sb, first.nfc_begin), whole_cues);
    double total = sum.to_double();
    double slack = points * static_cast<double>(shares.size());
    bool over = total > 100.0 + slack;
    bool under = complete && total < 100.0 - slack;
    if (!over && !under && !complete) return;  // a partial list under 100 % says nothing
    std::vector<location> locs;
    for (const fact* f : shares) locs.push_back(location_of(r, *f));
    message_args args{{"parts", parts}, {"sum", sum}, {"problem", std::string(over ? "over" : under ? "under" : "none")}};
    out.push_back(ctx.make(!over && !under, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_shares_sum_to_whole(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"share_cues", "whole_cues", "window", "points"}, env); !st) return st.error();
  auto k = std::make_unique<shares_sum_to_whole>();
  auto share = param_strings(params, "share_cues", {"chiếm"}, env);
  if (!share) return share.error();
  auto whole = param_strings(params, "whole_cues", {"cơ cấu", "gồm", "bao gồm"}, env);
  if (!whole) return whole.error();
  auto window = param_number(params, "window", 24, env);
  if (!window) return window.error();
  auto points = param_number(params, "points", 0.5, env);
  if (!points) return points.error();
  for (auto& c : *share) k->share_cues.push_back(fold(c));
  for (auto& c : *whole) k->whole_cues.push_back(fold(c));
  k->window = *window;
  k->points = *points;
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
