// sum_equals_total: "tổng mức đầu tư 796 tỉ đồng, trong đó tỉnh hỗ trợ 756,2 tỉ đồng, Bộ Công an cấp
// 39,8 tỉ đồng" — a total announced by a total cue, then parts announced by a part cue, in one sentence,
// must add up (exact decimals; rounding and hedges tolerated as in same_value_across_reports).
//
// params:
//   total_cues  words that announce a total in the clause before it        (default ["tổng"])
//   part_cues   words between the total and its parts                      (default ["trong đó", "gồm", "bao gồm"])
//   fact_kinds  which figures can be totals and parts                      (default ["money", "quantity"])
//   about_tolerance, rounding_tolerance   see rules/README.md               (defaults 0.1, 0.005)
//   scope       "sentence": parts follow the total in its sentence (default);
//               "paragraph": "Tổng ... 796 tỉ đồng. Trong đó, ..." — the total ends its sentence and the next
//               sentence of the same paragraph opens with a part cue and lists the parts
#include <algorithm>

#include "kinds/kind.hpp"
#include "src/align.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

// Largest power of a thousand (up to 10^12) that every figure reaches: money reads 796 (tỉ), not 796.000.000.000.
int display_power(const std::vector<decimal>& values) {
  for (int p = 12; p > 0; p -= 3) {
    decimal unit = *decimal::from_int(1).scaled_by_power_of_ten(p);
    bool all = std::all_of(values.begin(), values.end(), [&](const decimal& v) {
      return (v.mantissa < 0 ? decimal{-v.mantissa, v.scale} : v) >= unit;
    });
    if (all) return p;
  }
  return 0;
}

class sum_equals_total final : public rule_kind {
 public:
  std::vector<std::string> total_cues, part_cues;
  std::vector<fact_kind> kinds;
  tolerance tol;
  bool paragraph = false;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      const auto& facts = *reports[r].facts;
      for (std::size_t i = 0; i < facts.size(); ++i) check_total(r, doc, facts, i, ctx, out);
    }
  }

 private:
  bool wanted(const fact& f) const {
    return std::find(kinds.begin(), kinds.end(), f.kind) != kinds.end() && headline_value(f.amount_value);
  }

  void check_total(std::size_t r, const document& doc, const std::vector<fact>& facts, std::size_t i,
                   const rule_context& ctx, std::vector<finding>& out) const {
    const fact& total = facts[i];
    if (!wanted(total)) return;
    std::string_view clause = clause_before(doc, total);
    bool total_cue = std::any_of(total_cues.begin(), total_cues.end(), [&](const auto& c) { return has_word(clause, c); });
    if (!total_cue) return;

    // The part cue must sit between the total and its first part.
    std::vector<const fact*> parts;
    bool cue_seen = false;
    std::size_t gap_begin = total.nfc_end;
    std::size_t parts_sentence = total.sentence;
    if (paragraph) {
      // Only the last figure of its sentence, and a next sentence in the same paragraph that opens with a cue.
      std::size_t next = total.sentence + 1;
      if (next >= doc.sentences.size()) return;
      if (doc.paragraph_at(doc.sentences[next].begin) != doc.paragraph_at(total.nfc_begin)) return;
      for (std::size_t j = i + 1; j < facts.size() && facts[j].sentence == total.sentence; ++j)
        if (facts[j].kind == total.kind) return;
      std::string_view opening = folded_range(doc, doc.sentences[next].begin,
                                              std::min(doc.sentences[next].end, doc.sentences[next].begin + 24));
      auto lead = opening.find_first_not_of(" \n\t\"“");
      if (lead == std::string_view::npos) return;
      opening = opening.substr(lead);
      bool opens = std::any_of(part_cues.begin(), part_cues.end(), [&](const auto& c) {
        return opening.compare(0, c.size(), c) == 0;
      });
      if (!opens) return;
      parts_sentence = next;
      gap_begin = doc.sentences[next].begin;
    }
    for (std::size_t j = i + 1; j < facts.size() && facts[j].sentence <= parts_sentence; ++j) {
      if (facts[j].sentence != parts_sentence) continue;
      const fact& f = facts[j];
      if (!cue_seen) {
        std::size_t gap_end = std::min(f.nfc_begin, doc.folded.size());
        if (gap_end < gap_begin) continue;
        std::string_view gap(doc.folded.data() + gap_begin, gap_end - gap_begin);
        cue_seen = std::any_of(part_cues.begin(), part_cues.end(), [&](const auto& c) { return has_word(gap, c); });
        if (!cue_seen) {
          if (f.kind == total.kind) return;  // another figure of the same kind first: not a breakdown
          continue;
        }
      }
      if (f.kind != total.kind || f.amount_value.unit != total.amount_value.unit || !headline_value(f.amount_value)) continue;
      // A new total cue before this figure starts another breakdown.
      std::string_view c = clause_before(doc, f);
      if (std::any_of(total_cues.begin(), total_cues.end(), [&](const auto& cue) { return has_word(c, cue); })) break;
      parts.push_back(&f);
    }
    if (parts.empty()) return;

    amount sum;
    sum.value = decimal::from_int(0);
    sum.unit = total.amount_value.unit;
    std::vector<decimal> part_values;
    for (const fact* p : parts) {
      auto v = headline_value(p->amount_value);
      auto next = sum.value->plus(*v);
      if (!next) return;  // beyond 64-bit exact arithmetic: say nothing rather than guess
      sum.value = *next;
      part_values.push_back(*v);
      if (p->amount_value.qual != qualifier::exact) sum.qual = qualifier::about;
    }
    agreement how = compare_amounts(total.amount_value, sum, tol);
    decimal total_value = *headline_value(total.amount_value);
    bool exceeds = *sum.value > total_value && how == agreement::conflict;
    // One part that does not exceed the total is a partial list ("trong đó tỉnh hỗ trợ ..."), not a claim.
    if (parts.size() < 2 && !exceeds) return;

    std::vector<decimal> shown = part_values;
    shown.push_back(total_value);
    shown.push_back(*sum.value);
    int power = total.kind == fact_kind::money ? display_power(shown) : 0;
    auto scaled = [&](const decimal& d) { return d.scaled_by_power_of_ten(-power).value_or(d); };
    number_list parts_list;
    for (const auto& v : part_values) parts_list.items.push_back(scaled(v));

    std::vector<location> locs{location_of(r, total)};
    for (const fact* p : parts) locs.push_back(location_of(r, *p));
    message_args args{{"total", scaled(total_value)},
                      {"sum", scaled(*sum.value)},
                      {"parts", parts_list},
                      {"count", decimal::from_int(static_cast<std::int64_t>(parts.size()))},
                      {"scale", "e" + std::to_string(power)},
                      {"unit", total.amount_value.unit},
                      {"basis", std::string(to_string(how))}};
    out.push_back(ctx.make(how != agreement::conflict, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_sum_equals_total(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"total_cues", "part_cues", "fact_kinds", "about_tolerance", "rounding_tolerance", "scope"}, env); !st)
    return st.error();
  auto k = std::make_unique<sum_equals_total>();
  auto total = param_strings(params, "total_cues", {"tổng"}, env);
  if (!total) return total.error();
  auto part = param_strings(params, "part_cues", {"trong đó", "gồm", "bao gồm"}, env);
  if (!part) return part.error();
  auto kind_names = param_strings(params, "fact_kinds", {"money", "quantity"}, env);
  if (!kind_names) return kind_names.error();
  for (const auto& name : *kind_names) {
    auto fk = fact_kind_from_string(name);
    if (!fk)
      return make_error(error_kind::bad_rule,
                        "key 'params.fact_kinds': unknown fact kind '" + name +
                            "'; allowed values: number, money, quantity, percent, duration",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    k->kinds.push_back(*fk);
  }
  auto about = param_number(params, "about_tolerance", 0.1, env);
  if (!about) return about.error();
  auto rounding = param_number(params, "rounding_tolerance", 0.005, env);
  if (!rounding) return rounding.error();
  if (params.is_object() && params.contains("scope")) {
    const auto& scope = params["scope"];
    if (!scope.is_string() || (scope != "sentence" && scope != "paragraph"))
      return make_error(error_kind::bad_rule, "key 'params.scope': allowed values: sentence, paragraph",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    k->paragraph = scope == "paragraph";
  }
  k->total_cues = std::move(*total);
  k->part_cues = std::move(*part);
  k->tol = {*about, *rounding};
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
