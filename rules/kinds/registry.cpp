// The one place that maps a rule file's "kind" to the C++ that implements it (Vale's buildRule switch).
// Adding a kind: its .cpp in this folder, one line in each list below, and a rule file that uses it.
#include <array>
#include <utility>

#include "kinds/kind.hpp"

namespace doichieu::rules {

result<std::unique_ptr<const rule_kind>> make_sum_equals_total(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_same_value_across_reports(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_same_title_for_person(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_same_date_across_reports(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_ratio_of_figures(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_share_of_total(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_shares_sum_to_whole(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_range_order(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_fraction_not_over_one(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_anniversary_years(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_weekday_matches_date(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_date_not_after_publication(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_same_document_details(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_title_held_on_date(const nlohmann::json&, const kind_env&);
result<std::unique_ptr<const rule_kind>> make_one_holder_per_position(const nlohmann::json&, const kind_env&);

namespace {

constexpr std::array<std::pair<std::string_view, kind_factory>, 15> kinds{{
    {"sum_equals_total", &make_sum_equals_total},
    {"same_value_across_reports", &make_same_value_across_reports},
    {"same_title_for_person", &make_same_title_for_person},
    {"same_date_across_reports", &make_same_date_across_reports},
    {"ratio_of_figures", &make_ratio_of_figures},
    {"share_of_total", &make_share_of_total},
    {"shares_sum_to_whole", &make_shares_sum_to_whole},
    {"range_order", &make_range_order},
    {"fraction_not_over_one", &make_fraction_not_over_one},
    {"anniversary_years", &make_anniversary_years},
    {"weekday_matches_date", &make_weekday_matches_date},
    {"date_not_after_publication", &make_date_not_after_publication},
    {"same_document_details", &make_same_document_details},
    {"title_held_on_date", &make_title_held_on_date},
    {"one_holder_per_position", &make_one_holder_per_position},
}};

}  // namespace

kind_factory find_kind(std::string_view name) {
  for (const auto& [n, f] : kinds)
    if (n == name) return f;
  return nullptr;
}

std::vector<std::string> rule_kinds() {
  std::vector<std::string> out;
  for (const auto& [n, f] : kinds) out.emplace_back(n);
  return out;
}

}  // namespace doichieu::rules
