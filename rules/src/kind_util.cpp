// Helpers shared by the in-report kinds; see kind_util.hpp.
#include "src/kind_util.hpp"

#include <algorithm>
#include <cmath>

namespace doichieu::rules {
namespace {

bool word_edge(char c) {
  return c == ' ' || c == ',' || c == ':' || c == ';' || c == '.' || c == '(' || c == ')' || c == '"' ||
         c == '\n' || c == '-' || c == '!' || c == '?';
}

}  // namespace

bool has_word(std::string_view text, std::string_view cue) {
  if (cue.empty()) return false;
  for (auto p = text.find(cue); p != std::string_view::npos; p = text.find(cue, p + 1)) {
    bool left = p == 0 || word_edge(text[p - 1]);
    std::size_t after = p + cue.size();
    bool right = after >= text.size() || word_edge(text[after]);
    if (left && right) return true;
  }
  return false;
}

std::size_t rfind_word(std::string_view text, std::string_view cue) {
  if (cue.empty() || cue.size() > text.size()) return std::string_view::npos;
  for (std::size_t p = text.rfind(cue);; p = text.rfind(cue, p - 1)) {
    if (p == std::string_view::npos) return p;
    bool left = p == 0 || word_edge(text[p - 1]);
    std::size_t after = p + cue.size();
    bool right = after >= text.size() || word_edge(text[after]);
    if (left && right) return p;
    if (p == 0) return std::string_view::npos;
  }
}

bool has_any_word(std::string_view text, const std::vector<std::string>& cues) {
  return std::any_of(cues.begin(), cues.end(), [&](const std::string& c) { return has_word(text, c); });
}

std::string_view folded_range(const document& doc, std::size_t begin, std::size_t end) {
  end = std::min(end, doc.folded.size());
  begin = std::min(begin, end);
  return std::string_view(doc.folded).substr(begin, end - begin);
}

std::string_view sentence_before(const document& doc, const fact& f) {
  std::size_t begin = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].begin : 0;
  return folded_range(doc, std::min(begin, f.nfc_begin), f.nfc_begin);
}

std::string_view sentence_after(const document& doc, const fact& f) {
  std::size_t end = f.sentence < doc.sentences.size() ? doc.sentences[f.sentence].end : doc.folded.size();
  return folded_range(doc, f.nfc_end, std::max(end, f.nfc_end));
}

std::string_view clause_before(const document& doc, const fact& f) {
  std::string_view s = sentence_before(doc, f);
  auto cut = s.find_last_of(",;:(");
  return cut == std::string_view::npos ? s : s.substr(cut + 1);
}

bool is_point_figure(const fact& f) {
  switch (f.kind) {
    case fact_kind::money:
    case fact_kind::quantity:
    case fact_kind::percent:
      return f.amount_value.value.has_value();
    case fact_kind::number:
      // A bare number says what it counts only with a counted noun ("50 ca").
      return f.amount_value.value.has_value() && !f.amount_value.counted.empty();
    default:
      return false;
  }
}

bool same_measure(const fact& a, const fact& b) {
  return a.kind == b.kind && a.amount_value.unit == b.amount_value.unit &&
         a.amount_value.counted == b.amount_value.counted;
}

decimal decimal_from_double(double v, int places) {
  double scaled = std::round(v * std::pow(10.0, places));
  decimal d{static_cast<std::int64_t>(scaled), places};
  return d.normalized();
}

double half_last_digit(const decimal& d) {
  decimal n = d.normalized();
  if (n.mantissa == 0) return 0.5;
  if (n.scale > 0) return 0.5 * std::pow(10.0, -n.scale);
  std::int64_t m = n.mantissa < 0 ? -n.mantissa : n.mantissa;
  int zeros = 0;
  while (m % 10 == 0) {
    m /= 10;
    ++zeros;
  }
  return 0.5 * std::pow(10.0, zeros);
}

}  // namespace doichieu::rules
