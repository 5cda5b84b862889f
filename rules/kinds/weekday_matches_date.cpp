// weekday_matches_date: "thứ Năm, ngày 7/3/2024" — a weekday written next to a full date must be that
// date's weekday (7/3/2024 was a Thursday). The temporal grammar folds the weekday into the date fact and
// keeps only the date, so the weekday word is read from document::folded inside the fact's span or right
// next to it ("ngày 7/3/2024 (thứ Năm)"). Dates without a year or day are not judged.
//
// params:
//   data     weekday words in rules/data                    (default "weekdays.json")
//   window   bytes before/after the date searched for one    (default 16)
#include <algorithm>
#include <cctype>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

// ISO weekday (1 = Monday) of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int iso_weekday(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = static_cast<long>(era) * 146097 + doe - 719468;  // 0 = 1970-01-01, a Thursday
  long wd = (days + 3) % 7;                                      // 0 = Monday
  if (wd < 0) wd += 7;
  return static_cast<int>(wd) + 1;
}

struct weekday_word {
  std::string word;  // folded
  int iso = 0;
};

class weekday_matches_date final : public rule_kind {
 public:
  std::vector<weekday_word> words;  // longest first
  std::vector<std::string> names;   // index iso-1 -> a spelled name for messages
  std::size_t window = 16;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      const document& doc = *reports[r].doc;
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::date && f.kind != fact_kind::time) continue;
        const auto& w = f.time_value;
        std::optional<civil_time> t = w.value ? w.value : w.from;
        if (!t || !t->year || !t->month || !t->day) continue;
        if (w.value == std::nullopt && w.to && w.to->day && *w.to->day != *t->day) continue;  // a span of days
        check(r, doc, f, *t, ctx, out);
      }
    }
  }

 private:
  void check(std::size_t r, const document& doc, const fact& f, const civil_time& t, const rule_context& ctx,
             std::vector<finding>& out) const {
    std::size_t sb = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].begin : 0;
    std::size_t se = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].end : doc.folded.size();
    std::size_t begin = f.nfc_begin > sb + window ? f.nfc_begin - window : std::min(sb, f.nfc_begin);
    std::size_t end = std::min(se, f.nfc_end + window);
    std::string_view area = folded_range(doc, begin, end);
    // The weekday word nearest the date wins; a word elsewhere in the sentence ("lần thứ hai") is out of reach.
    const weekday_word* found = nullptr;
    std::size_t found_at = 0, best_distance = std::string::npos;
    for (const auto& ww : words) {
      for (auto p = area.find(ww.word); p != std::string_view::npos; p = area.find(ww.word, p + 1)) {
        if (!has_word(area.substr(p == 0 ? 0 : p - 1, ww.word.size() + 2), ww.word)) continue;
        std::size_t abs = begin + p;
        std::size_t distance = abs + ww.word.size() <= f.nfc_begin ? f.nfc_begin - abs - ww.word.size()
                               : abs >= f.nfc_end                  ? abs - f.nfc_end
                                                                   : 0;
        if (distance < best_distance) {
          best_distance = distance;
          found = &ww;
          found_at = abs;
        }
      }
    }
    if (!found) return;
    // Text between the weekday and the date may only be the words that join them ("ngày", a comma).
    std::string_view gap = found_at < f.nfc_begin ? folded_range(doc, found_at + found->word.size(), f.nfc_begin)
                           : found_at >= f.nfc_end ? folded_range(doc, f.nfc_end, found_at)
                                                   : std::string_view{};
    for (char c : gap)
      if (std::isdigit(static_cast<unsigned char>(c))) return;
    int actual = iso_weekday(*t.year, *t.month, *t.day);
    std::vector<location> locs{location_of(r, doc, found_at, found_at + found->word.size()), location_of(r, f)};
    message_args args{{"weekday", std::string(doc.nfc.substr(found_at, found->word.size()))},
                      {"date", to_iso(t)},
                      {"actual", names[static_cast<std::size_t>(actual - 1)]}};
    out.push_back(ctx.make(actual == found->iso, args, std::move(locs)));
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_weekday_matches_date(const nlohmann::json& params, const kind_env& env) {
  if (auto st = check_param_keys(params, {"data", "window"}, env); !st) return st.error();
  std::string file = "weekdays.json";
  if (params.is_object() && params.contains("data")) {
    if (!params["data"].is_string())
      return make_error(error_kind::bad_rule, "key 'params.data': must be a file name in rules/data",
                        source_location{env.rule_path, std::nullopt, 0, 0});
    file = params["data"].get<std::string>();
  }
  auto window = param_number(params, "window", 16, env);
  if (!window) return window.error();
  std::string path = env.data_dir + "/" + file;
  auto data = read_data_file(path);
  if (!data) return data.error();
  if (!data->contains("weekdays") || !(*data)["weekdays"].is_object())
    return make_error(error_kind::bad_rule, "key 'weekdays': must be an object of word -> ISO weekday 1..7",
                      source_location{path, std::nullopt, 0, 0});
  auto k = std::make_unique<weekday_matches_date>();
  k->names.assign(7, {});
  for (const auto& [word, iso] : (*data)["weekdays"].items()) {
    if (!iso.is_number_integer() || iso.get<int>() < 1 || iso.get<int>() > 7)
      return make_error(error_kind::bad_rule, "key 'weekdays." + word + "': must be an ISO weekday 1..7",
                        source_location{path, std::nullopt, 0, 0});
    int n = iso.get<int>();
    k->words.push_back({fold(word), n});
    auto& name = k->names[static_cast<std::size_t>(n - 1)];
    // The spelled form names the day in messages ("thứ năm" rather than "thứ 5").
    bool spelled = std::none_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (name.empty() || spelled) name = word;
  }
  std::stable_sort(k->words.begin(), k->words.end(),
                   [](const weekday_word& a, const weekday_word& b) { return a.word.size() > b.word.size(); });
  k->window = static_cast<std::size_t>(*window);
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
