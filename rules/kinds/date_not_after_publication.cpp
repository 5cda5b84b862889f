// date_not_after_publication: a report published on 8/3/2024 cannot tell of an event on 10/5/2030 as done;
// a day-precise date with a written year after the publication date (document::published) needs a word
// of the future or of a deadline in its sentence ("sẽ", "dự kiến", "đến ngày"). Reports without a
// publication date, and dates whose year was only inferred, are not judged.
//
// params:
//   future_cues   words in the sentence that make a later date expected   (default see the rule file)
#include <cctype>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

bool year_written(const std::string& text) {
  int run = 0;
  for (char c : text) {
    run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

int day_number(const civil_time& t) { return (*t.year * 12 + (*t.month - 1)) * 31 + (*t.day - 1); }

class date_not_after_publication final : public rule_kind {
 public:
  std::vector<std::string> future_cues;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      if (!doc.published || !doc.published->year || !doc.published->month || !doc.published->day) continue;
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::date && f.kind != fact_kind::time) continue;
        const auto& t = f.time_value.value ? f.time_value.value : f.time_value.from;
        if (!t || !t->year || !t->month || !t->day || !year_written(f.text)) continue;
        if (day_number(*t) <= day_number(*doc.published)) continue;
        std::size_t sb = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].begin : 0;
        std::size_t se = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].end : doc.folded.size();
        if (has_any_word(folded_range(doc, sb, se), future_cues)) continue;
        message_args args{{"date", to_iso(*t)}, {"published", to_iso(*doc.published)}};
        out.push_back(ctx.make(false, args, {location_of(r, f)}));
      }
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_date_not_after_publication(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"future_cues"}, env); !st) return st.error();
  auto cues = param_strings(params, "future_cues", {"sẽ", "dự kiến"}, env);
  if (!cues) return cues.error();
  auto k = std::make_unique<date_not_after_publication>();
  for (auto& c : *cues) k->future_cues.push_back(fold(c));
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
