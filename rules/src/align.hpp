// rules/src/align.hpp — which facts are about the same thing, and whether two figures agree (internal).
//
// Alignment (see rules/README.md): two figures are compared only when they have the same kind and
// unit and the same subject, read from the text around each figure: the counted noun after it
// ("biên chế") and the head phrase before it up to a clause boundary ("tổng mức đầu tư xây dựng").
// Agreement turns every figure into an interval — hedges widen it, rounding gives it half a unit of
// its last written digit — and two figures agree when their intervals meet.
#ifndef DOICHIEU_RULES_SRC_ALIGN_HPP_
#define DOICHIEU_RULES_SRC_ALIGN_HPP_

#include <string>
#include <utility>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu::rules {

// Words that carry no subject (function words, hedges) and phrases that end a clause; rules/data/subject.json.
struct subject_lexicon {
  std::vector<std::string> stop_words;
  std::vector<std::string> boundary_phrases;
  std::size_t max_words = 6;
  // Folded word -> frame name ("ban đầu" -> "initial"); "" is the present, like an unmarked figure.
  std::vector<std::pair<std::string, std::string>> frame_words;
  std::vector<std::string> per_unit_words;  // "mỗi", "bình quân": the figure is a rate, not a total
};
result<subject_lexicon> load_subject_lexicon(const std::string& data_dir);

struct subject {
  std::string counted;              // folded counted noun or quantity unit
  std::vector<std::string> head;    // folded content words before the figure, in text order
  std::string frame;                // time frame or state from frame_words; "" = the story's present
  std::vector<int> years;           // years named in the figure's sentence before it and clause after it
  bool per_unit = false;            // a rate ("mỗi ngày", "bình quân"), never the same thing as a total
};
subject subject_of(const document& doc, const fact& f, const subject_lexicon& lex);
// Readable subject for messages: the head phrase and the counted noun.
std::string describe(const subject& s);

// 0 when the subjects are not the same thing (different counted noun, frame, years or rate/total, or heads
// that do not overlap enough); otherwise higher is a closer match.
int alignment_score(const subject& a, const subject& b, std::size_t min_overlap, double min_ratio);

// Why two figures agree or not; the message templates select on these names.
enum class agreement { equal, rounding, hedge, conflict };
const char* to_string(agreement a) noexcept;

struct tolerance {
  double about = 0.1;      // "khoảng", "gần": ±10 %
  double rounding = 0.005; // rounding to the last written digit, capped at 0.5 %
};
agreement compare_amounts(const amount& a, const amount& b, const tolerance& tol);

// The point or lower bound of an amount (the figure as written).
std::optional<decimal> headline_value(const amount& a);

}  // namespace doichieu::rules

#endif  // DOICHIEU_RULES_SRC_ALIGN_HPP_
