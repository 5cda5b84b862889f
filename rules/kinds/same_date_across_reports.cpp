// same_date_across_reports: reports of one event give the same event date. The event date of a report is
// its first day-precise date in the lead (the first `lead_sentences` sentences): Vietnamese news opens with
// "Ngày 7-3, ..." ("7-3" and "7/3" are the same date once parsed). Dates compare on the parts both give
// (a yearless 7/3 matches 7/3/2024). The most common date is the reference; each report that departs from
// it is a finding listing its date first and the reference dates after; when all agree, a passed check.
//
// Not every lead date is the event's: a date after a background cue ("Trước đó, ngày 18/5", "Từ ngày 1/6",
// "theo dự kiến", "kéo dài 1 tháng 7 ngày"), inside parentheses ("(ngày 1/4/2015)"), or a relative word
// with no written date ("hôm qua", "tuần này": its day depends on each article's publication date, which
// a cluster may not give) is skipped, and the next date of the lead is taken.
//
// params:
//   lead_sentences   how many opening sentences count as the lead   (default 3)
//   background_cues  words right before a date that make it background, not the event
//                    (default ["từ", "dự kiến", "kéo dài", "các", "sau", "đến"])
//   earlier_cues     words anywhere before a date in its sentence that put it before the event
//                    (default ["trước đó", "trước đây"])
#include <algorithm>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

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

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class same_date_across_reports final : public rule_kind {
 public:
  std::size_t lead_sentences = 3;
  std::vector<std::string> background_cues, earlier_cues;

  // The date is background, not the event of the report (see the header comment).
  bool background(const document& doc, const fact& f) const {
    if (!has_digit(f.text)) return true;
    std::string_view before = sentence_before(doc, f);
    // Inside an open parenthesis.
    auto open = before.rfind('('), close = before.rfind(')');
    if (open != std::string_view::npos && (close == std::string_view::npos || close < open)) return true;
    // A cue among the last words before the date ("Từ ngày 1/6", "vào các ngày 20-4").
    std::string_view near = before.substr(before.size() > 32 ? before.size() - 32 : 0);
    if (has_any_word(near, background_cues)) return true;
    // "Trước đó, sau thời gian lập án, ngày 18/5": the sentence is about an earlier time.
    return has_any_word(before, earlier_cues);
  }

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
        if (background(*reports[r].doc, f)) continue;
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
  if (auto st = check_param_keys(params, {"lead_sentences", "background_cues", "earlier_cues"}, env); !st) return st.error();
  auto k = std::make_unique<same_date_across_reports>();
  auto cues = param_strings(params, "background_cues", {"từ", "dự kiến", "kéo dài", "các", "sau", "đến"}, env);
  if (!cues) return cues.error();
  auto earlier = param_strings(params, "earlier_cues", {"trước đó", "trước đây"}, env);
  if (!earlier) return earlier.error();
  k->background_cues = std::move(*cues);
  k->earlier_cues = std::move(*earlier);
  auto lead = param_number(params, "lead_sentences", 3, env);
  if (!lead) return lead.error();
  if (*lead < 1)
    return make_error(error_kind::bad_rule, "key 'params.lead_sentences': must be at least 1",
                      source_location{env.rule_path, std::nullopt, 0, 0});
  k->lead_sentences = static_cast<std::size_t>(*lead);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
