// Alignment of facts across reports and tolerant comparison of figures (method: rules/README.md).
#include "src/align.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kinds/kind.hpp"

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

// Half a unit of the last written digit: 796 -> 0.5, 1048.8 -> 0.05, 1000 -> 500 (capped later).
double half_unit(const decimal& d) {
  decimal n = d.normalized();
  if (n.mantissa == 0) return 0;
  if (n.scale > 0) return 0.5 * std::pow(10.0, -n.scale);
  std::int64_t m = n.mantissa < 0 ? -n.mantissa : n.mantissa;
  int zeros = 0;
  while (m % 10 == 0) {
    m /= 10;
    ++zeros;
  }
  return 0.5 * std::pow(10.0, zeros);
}

interval to_interval(const amount& a, const tolerance& tol) {
  interval out;
  if (a.value) {
    double v = a.value->to_double();
    // The relative cap is for round figures ("1.000" is not ±500); a figure written to its last
    // significant digit ("6%", "796") keeps its full half unit, so 6 % agrees with 6,1 %.
    decimal n = a.value->normalized();
    bool round_figure = n.scale == 0 && n.mantissa != 0 && n.mantissa % 10 == 0;
    double r = round_figure ? std::min(half_unit(*a.value), tol.rounding * std::fabs(v)) : half_unit(*a.value);
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
    auto p = before.rfind(phrase);
    // Whole words only: "gồm" must not cut "bao gồm" halfway, nor a word that merely contains it.
    while (p != std::string_view::npos) {
      bool left_ok = p == 0 || before[p - 1] == ' ';
      std::size_t after = p + phrase.size();
      bool right_ok = after >= before.size() || before[after] == ' ';
      if (left_ok && right_ok) {
        cut = std::max(cut, after);
        break;
      }
      if (p == 0) break;
      p = before.rfind(phrase, p - 1);
    }
  }
  for (auto& w : split_words(before.substr(cut))) {
    if (is_digit_word(w)) continue;
    if (std::find(lex.stop_words.begin(), lex.stop_words.end(), w) != lex.stop_words.end()) continue;
    s.head.push_back(std::move(w));
  }
  if (s.head.size() > lex.max_words) s.head.erase(s.head.begin(), s.head.end() - static_cast<long>(lex.max_words));
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
