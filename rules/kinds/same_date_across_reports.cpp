// same_date_across_reports: reports of one event give the same event date. The event date of a report is
// its first day-precise date in the lead (the first `lead_sentences` sentences): Vietnamese news opens with
// "Ngày 7-3, ..." ("7-3" and "7/3" are the same date once parsed). Dates compare on the parts both give
// (a yearless 7/3 matches 7/3/2024). The most common date is the reference; each report that departs from
// it is a finding listing its date first and the reference dates after; when all agree, a passed check.
//
// params:
//   lead_sentences   how many opening sentences count as the lead   (default 3)
#include <algorithm>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

bool same_day(const civil_time& a, const civil_time& b) {
  auto clash = [](const std::optional<int>& x, const std::optional<int>& y) { return x && y && *x != *y; };
  return !clash(a.year, b.year) && !clash(a.month, b.month) && !clash(a.day, b.day);
}

std::string show(const civil_time& t) {
  std::string out = std::to_string(t.day.value_or(0)) + "/" + std::to_string(t.month.value_or(0));
  if (t.year) out += "/" + std::to_string(*t.year);
  return out;
}

class same_date_across_reports final : public rule_kind {
 public:
  std::size_t lead_sentences = 3;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    if (reports.size() < 2) return;
    struct event_date {
      std::size_t report;
      const fact* f;
      civil_time t;
    };
    std::vector<event_date> dates;
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (f.sentence >= lead_sentences) break;  // facts are in text order
        if (f.kind != fact_kind::date || !f.time_value.value) continue;
        const civil_time& t = *f.time_value.value;
        if (!t.day || !t.month) continue;
        dates.push_back({r, &f, t});
        break;
      }
    }
    if (dates.size() < 2) return;

    // Reference: the date most reports agree with (first one wins ties).
    std::size_t ref = 0, ref_votes = 0;
    for (std::size_t i = 0; i < dates.size(); ++i) {
      std::size_t votes = 0;
      for (const auto& d : dates) votes += same_day(dates[i].t, d.t) ? 1 : 0;
      if (votes > ref_votes) {
        ref = i;
        ref_votes = votes;
      }
    }
    std::vector<location> agreeing;
    for (const auto& d : dates)
      if (same_day(dates[ref].t, d.t)) agreeing.push_back(location_of(d.report, *d.f));
    bool all_agree = agreeing.size() == dates.size();
    if (all_agree) {
      out.push_back(ctx.make(true, {{"date", show(dates[ref].t)}, {"other", show(dates[ref].t)}}, agreeing));
      return;
    }
    for (const auto& d : dates) {
      if (same_day(dates[ref].t, d.t)) continue;
      std::vector<location> locs{location_of(d.report, *d.f)};
      locs.insert(locs.end(), agreeing.begin(), agreeing.end());
      out.push_back(ctx.make(false, {{"date", show(d.t)}, {"other", show(dates[ref].t)}}, std::move(locs)));
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_same_date_across_reports(const nlohmann::json& params,
                                                                       const kind_env& env) {
  if (auto st = check_param_keys(params, {"lead_sentences"}, env); !st) return st.error();
  auto k = std::make_unique<same_date_across_reports>();
  auto lead = param_number(params, "lead_sentences", 3, env);
  if (!lead) return lead.error();
  if (*lead < 1)
    return make_error(error_kind::bad_rule, "key 'params.lead_sentences': must be at least 1",
                      source_location{env.rule_path, std::nullopt, 0, 0});
  k->lead_sentences = static_cast<std::size_t>(*lead);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
