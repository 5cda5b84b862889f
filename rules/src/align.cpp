// Alignment of facts across reports and tolerant comparison of figures (method: rules/README.md).
#include "src/align.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kinds/kind.hpp"
#include "src/kind_util.hpp"

namespace doichieu::rules {
namespace {

// Characters that end a clause; a subject never reaches across them.
constexpr std::string_view boundary_chars[] = {",", ";", ":", "(", ")", "[", "]", "\"", "!", "?", "\n",
                                               "“", "”", "–", "—", "…", ". "};

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    bool sep = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '.' || c == '-' || c == '/' ||
               c == '\'' || c == '*';
    if (sep) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

bool is_digit_word(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct interval {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
};

interval to_interval(const amount& a, const tolerance& tol) {
  interval out;
  if (a.value) {
    double v = a.value->to_double();
    // The relative cap is for round figures ("1.000" is not ±500); a figure written to its last
    // significant digit ("6%", "796") keeps its full half unit, so 6 % agrees with 6,1 %.
    decimal n = a.value->normalized();
    bool round_figure = n.scale == 0 && n.mantissa != 0 && n.mantissa % 10 == 0;
    // An exact zero ("0 đồng") has no rounding.
    double half = n.mantissa == 0 ? 0.0 : half_last_digit(*a.value);
    double r = round_figure ? std::min(half, tol.rounding * std::fabs(v)) : half;
    double about = tol.about * std::fabs(v);
    switch (a.qual) {
      case qualifier::exact: out = {v - r, v + r}; break;
      case qualifier::about: out = {v - about - r, v + about + r}; break;
      case qualifier::over:
      case qualifier::at_least: out.lo = v - r; break;
      case qualifier::under:
      case qualifier::at_most: out.hi = v + r; break;
    }
    return out;
  }
  if (a.from) out.lo = a.from->to_double();
  if (a.to) out.hi = a.to->to_double();
  return out;
}

}  // namespace

result<subject_lexicon> load_subject_lexicon(const std::string& data_dir) {
  std::string path = data_dir + "/subject.json";
  auto j = read_data_file(path);
  if (!j) return j.error();
  subject_lexicon lex;
  kind_env env{path, data_dir};
  auto stop = param_strings(*j, "stop_words", {}, env);
  if (!stop) return stop.error();
  auto phrases = param_strings(*j, "boundary_phrases", {}, env);
  if (!phrases) return phrases.error();
  auto max_words = param_number(*j, "max_words", 6, env);
  if (!max_words) return max_words.error();
  auto per_unit = param_strings(*j, "per_unit_words", {}, env);
  if (!per_unit) return per_unit.error();
  if (j->contains("frame_words")) {
    const auto& frames = (*j)["frame_words"];
    if (!frames.is_object())
      return make_error(error_kind::bad_rule, "key 'frame_words': must be an object of word -> frame name",
                        source_location{path, std::nullopt, 0, 0});
    for (const auto& [word, name] : frames.items()) {
      if (word.empty() || !name.is_string())
        return make_error(error_kind::bad_rule, "key 'frame_words." + word + "': must map a word to a frame name (a string)",
                          source_location{path, std::nullopt, 0, 0});
      lex.frame_words.emplace_back(fold(word), name.get<std::string>());
    }
  }
  lex.per_unit_words = std::move(*per_unit);
  lex.stop_words = std::move(*stop);
  lex.boundary_phrases = std::move(*phrases);
  lex.max_words = static_cast<std::size_t>(*max_words);
  return lex;
}

subject subject_of(const document& doc, const fact& f, const subject_lexicon& lex) {
  subject s;
  s.counted = f.amount_value.counted;
  if (s.counted.empty() && f.kind == fact_kind::quantity) s.counted = fold(f.amount_value.unit);

  std::size_t begin = 0;
  if (f.sentence < doc.sentences.size()) begin = doc.sentences[f.sentence].begin;
  std::size_t end = std::min(f.nfc_begin, doc.folded.size());
  if (begin > end) begin = 0;
  std::string_view before(doc.folded.data() + begin, end - begin);
  // The clause: after the last boundary character or phrase before the figure.
  std::size_t cut = 0;
  for (auto b : boundary_chars) {
    auto p = before.rfind(b);
    if (p != std::string_view::npos) cut = std::max(cut, p + b.size());
  }
  for (const auto& phrase : lex.boundary_phrases) {
    // Whole words only: "gồm" must not cut "bao gồm" halfway, nor a word that merely contains it.
    auto p = rfind_word(before, phrase);
    if (p != std::string_view::npos) cut = std::max(cut, p + phrase.size());
  }
  for (auto& w : split_words(before.substr(cut))) {
    if (is_digit_word(w)) continue;
    if (std::find(lex.stop_words.begin(), lex.stop_words.end(), w) != lex.stop_words.end()) continue;
    s.head.push_back(std::move(w));
  }
  if (s.head.size() > lex.max_words) s.head.erase(s.head.begin(), s.head.end() - static_cast<long>(lex.max_words));

  // Context that makes two figures of one subject different things: the time frame or state, the years,
  // rate against total. The clause after the figure counts too ("100 km mỗi ngày", "... năm 2023").
  std::string_view after = sentence_after(doc, f);
  std::size_t after_end = after.size();
  for (auto b : boundary_chars) after_end = std::min(after_end, after.find(b));
  after = after.substr(0, after_end);
  std::size_t clause_begin = 0;
  for (auto b : boundary_chars) {
    auto p = before.rfind(b);
    if (p != std::string_view::npos) clause_begin = std::max(clause_begin, p + b.size());
  }
  std::string_view clause = before.substr(clause_begin);
  std::size_t frame_at = 0;
  for (const auto& [word, name] : lex.frame_words) {
    // The frame word nearest before the figure wins; one after it only when none is before.
    auto p = rfind_word(before, word);
    if (p != std::string_view::npos && p + 1 > frame_at) {
      frame_at = p + 1;
      s.frame = name;
    } else if (frame_at == 0 && has_word(after, word)) {
      s.frame = name;
    }
  }
  s.per_unit = has_any_word(clause, lex.per_unit_words) || has_any_word(after, lex.per_unit_words) ||
               (!after.empty() && after.front() == '/');
  for (std::string_view part : {before, after}) {
    for (const auto& w : split_words(part)) {
      if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      int y = std::stoi(w);
      if (y >= 1900 && y <= 2100 && std::find(s.years.begin(), s.years.end(), y) == s.years.end()) s.years.push_back(y);
    }
  }
  return s;
}

std::string describe(const subject& s) {
  std::string out;
  for (const auto& w : s.head) out += (out.empty() ? "" : " ") + w;
  if (!s.counted.empty()) out += (out.empty() ? "" : " … ") + s.counted;
  return out;
}

int alignment_score(const subject& a, const subject& b, std::size_t min_overlap, double min_ratio) {
  if (a.counted != b.counted) return 0;
  if (a.frame != b.frame || a.per_unit != b.per_unit) return 0;
  // Years only separate two figures when both sentences name years and share none (2023 vs 2024).
  if (!a.years.empty() && !b.years.empty() &&
      std::none_of(a.years.begin(), a.years.end(),
                   [&](int y) { return std::find(b.years.begin(), b.years.end(), y) != b.years.end(); }))
    return 0;
  std::size_t overlap = 0;
  for (const auto& w : a.head)
    if (std::find(b.head.begin(), b.head.end(), w) != b.head.end()) ++overlap;
  std::size_t smaller = std::min(a.head.size(), b.head.size());
  if (!a.counted.empty()) {
    // The counted noun already names the thing; the head only has to not contradict it.
    if (smaller > 0 && overlap == 0) return 0;
    return 10 + static_cast<int>(overlap);
  }
  if (smaller == 0 || overlap < min_overlap) return 0;
  if (static_cast<double>(overlap) < min_ratio * static_cast<double>(smaller)) return 0;
  return static_cast<int>(overlap);
}

const char* to_string(agreement a) noexcept {
  switch (a) {
    case agreement::equal: return "equal";
    case agreement::rounding: return "rounding";
    case agreement::hedge: return "hedge";
    case agreement::conflict: return "conflict";
  }
  return "conflict";
}

agreement compare_amounts(const amount& a, const amount& b, const tolerance& tol) {
  if (a.value && b.value && *a.value == *b.value && a.qual == b.qual) return agreement::equal;
  interval x = to_interval(a, tol), y = to_interval(b, tol);
  bool meet = x.lo <= y.hi && y.lo <= x.hi;
  if (!meet) return agreement::conflict;
  bool hedged = a.qual != qualifier::exact || b.qual != qualifier::exact || !a.value || !b.value;
  if (!hedged && a.value && b.value && *a.value == *b.value) return agreement::equal;
  return hedged ? agreement::hedge : agreement::rounding;
}

std::optional<decimal> headline_value(const amount& a) {
  if (a.value) return a.value;
  if (a.from) return a.from;
  return a.to;
}

}  // namespace doichieu::rules
