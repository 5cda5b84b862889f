// anniversary_years: "kỷ niệm 80 năm Cách mạng Tháng Tám (19.8.1945 - 19.8.2025)" — a count of years
// announced by a cue must equal the difference of the two years written with it in the sentence
// (2025 - 1945 = 80). The interval may come as one date fact with from/to or as two dated facts after the
// count. Without both years the statement is not judged.
//
// params:
//   cues     words just before the count that make it an anniversary or a span of years  (default ["kỷ niệm"])
//   window   how many bytes before the count the cue may sit                              (default 24)
//   max_gap  most bytes between the count and its years, with no , ; . between            (default 120)
//   blockers words between them that make the years something else                        (default ["nhiệm kỳ", "giai đoạn"])
#include <cctype>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

std::optional<int> year_of(const std::optional<civil_time>& t) {
  if (!t) return std::nullopt;
  return t->year;
}

class anniversary_years final : public rule_kind {
 public:
  std::vector<std::string> cues;
  double window = 24;
  std::size_t max_gap = 120;
  std::vector<std::string> blockers;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      const auto& facts = *reports[r].facts;
      for (std::size_t i = 0; i < facts.size(); ++i) {
        const fact& count = facts[i];
        if (count.kind != fact_kind::duration || count.amount_value.unit != "year" || !count.amount_value.value ||
            !count.amount_value.value->is_integer())
          continue;
        std::string_view before = sentence_before(doc, count);
        std::size_t w = static_cast<std::size_t>(window);
        if (before.size() > w) before = before.substr(before.size() - w);
        if (!has_any_word(before, cues)) continue;
        check(r, doc, facts, i, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const document& doc, const std::vector<fact>& facts, std::size_t i, const rule_context& ctx,
             std::vector<finding>& out) const {
    const fact& count = facts[i];
    const fact* from_fact = nullptr;
    const fact* to_fact = nullptr;
    std::optional<int> from, to;
    for (std::size_t j = i + 1; j < facts.size() && facts[j].sentence == count.sentence; ++j) {
      const fact& f = facts[j];
      if (f.kind != fact_kind::date && f.kind != fact_kind::time) continue;
      // A date's year must be written, not resolved from the publication date ("Tháng Tám" is not 2024).
      bool year_written = false;
      for (std::size_t k = 0; k + 4 <= f.text.size(); ++k)
        if (std::isdigit(static_cast<unsigned char>(f.text[k])) && std::isdigit(static_cast<unsigned char>(f.text[k + 1])) &&
            std::isdigit(static_cast<unsigned char>(f.text[k + 2])) && std::isdigit(static_cast<unsigned char>(f.text[k + 3])))
          year_written = true;
      if (!year_written) continue;
      // The years belong to the count only when nothing but words of its object lie between: no clause
      // break, and not a term of office ("nhiệm kỳ 2016-2021").
      std::string_view gap = folded_range(doc, count.nfc_end, f.nfc_begin);
      if (gap.size() > max_gap || gap.find_first_of(",;.") != std::string_view::npos || has_any_word(gap, blockers))
        break;
      if (year_of(f.time_value.from) && year_of(f.time_value.to)) {
        from = year_of(f.time_value.from);
        to = year_of(f.time_value.to);
        from_fact = to_fact = &f;
        break;
      }
      if (auto y = year_of(f.time_value.value)) {
        if (from && from_fact) {
          // Two single dates form the interval only when a dash or "đến" joins them.
          std::string_view join = folded_range(doc, from_fact->nfc_end, f.nfc_begin);
          if (join.find_first_not_of(" -–") != std::string_view::npos && join != " đến ") break;
        }
        if (!from) {
          from = y;
          from_fact = &f;
        } else {
          to = y;
          to_fact = &f;
          break;
        }
      }
    }
    if (!from || !to) return;
    std::int64_t years = count.amount_value.value->normalized().mantissa;
    std::int64_t diff = *to - *from;
    std::vector<location> locs{location_of(r, count), location_of(r, *from_fact)};
    if (to_fact != from_fact) locs.push_back(location_of(r, *to_fact));
    message_args args{{"years", decimal::from_int(years)},
                      {"from", decimal::from_int(*from)},
                      {"to", decimal::from_int(*to)},
                      {"diff", decimal::from_int(diff)}};
    out.push_back(ctx.make(diff == years, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_anniversary_years(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"cues", "window", "max_gap", "blockers"}, env); !st) return st.error();
  auto gap = param_number(params, "max_gap", 120, env);
  if (!gap) return gap.error();
  auto blockers = param_strings(params, "blockers", {"nhiệm kỳ", "giai đoạn"}, env);
  if (!blockers) return blockers.error();
  auto cues = param_strings(params, "cues", {"kỷ niệm"}, env);
  if (!cues) return cues.error();
  auto window = param_number(params, "window", 24, env);
  if (!window) return window.error();
  auto k = std::make_unique<anniversary_years>();
  for (auto& c : *cues) k->cues.push_back(fold(c));
  k->window = *window;
  k->max_gap = static_cast<std::size_t>(*gap);
  for (auto& b : *blockers) k->blockers.push_back(fold(b));
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
