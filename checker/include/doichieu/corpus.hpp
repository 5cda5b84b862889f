// doichieu/corpus.hpp — corpus mode: find the reports of each event in a stream of articles.
//
//   doichieu::corpus::grouper g;                                   // default grouping_options
//   for (auto& a : stream) {                                       // one article at a time
//     auto sig = doichieu::corpus::make_signature(a);              // text is not kept, only the signature
//     if (!sig) die(sig.error().describe());
//     g.add(std::move(*sig));
//   }
//   for (const auto& ev : g.group()) check(ev.members);            // indices in add() order
//
// An article is reduced to a small signature: its publication day, hashed named entities (runs of
// capitalised syllables: persons, organisations, places), hashed figures and dates (tokens carrying
// digits) and a 1-in-2 sample of hashed syllable bigrams. No vocabulary is needed: how distinctive a key
// is comes from its document frequency in the stream itself (IDF), and keys shared by more than
// `max_key_articles` articles are dropped as common words, which also bounds the work per key.
//
// Grouping links two articles when the IDF-weighted cosine of their keys reaches `link_threshold` and
// their publication days are at most `window_days` apart (when both are known); events are the connected
// components of those links. Candidate pairs come from an inverted index over the kept keys, so time is
// near-linear in the number of articles (each key contributes at most max_key_articles² pair updates) and
// there is no all-pairs comparison. Articles with an explicit `event` are grouped by it and never linked
// automatically.
//
// Memory: about 1 KB per article (4 bytes per kept key hash, typically 150–300 keys) plus the title,
// and a table of document frequencies (one hash node per distinct key). group() adds the weighted
// vectors and the inverted index: the measured peak is about 4 KB per article (393 MB for 100k,
// bench/corpus/run.sh).
//
// Nothing here throws. A grouper is not synchronised: call add() from one thread (compute signatures in
// parallel, then add them in input order, which keeps the grouping deterministic). group() is const and
// may run while nothing is being added; it uses `threads` workers.
#ifndef DOICHIEU_CORPUS_HPP_
#define DOICHIEU_CORPUS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <doichieu/fact.hpp>
#include <doichieu/result.hpp>

namespace doichieu::corpus {

// One article of the stream.
struct article {
  std::string id;
  std::string title;                     // headline, when given: it is part of the signature
  std::string text;                      // lead and body, UTF-8
  std::optional<civil_time> published;   // day of publication, when known
  std::string event;                     // explicit event: overrides the automatic grouping
};

struct grouping_options {
  int window_days = 3;               // dated articles further apart than this are never linked
  double link_threshold = 0.15;      // IDF-weighted cosine needed to link two articles
  std::size_t max_key_articles = 40; // keys in more articles than this are common words, not evidence
  double bigram_weight = 0.5;        // weight of a syllable bigram against an entity or a figure (1)
  unsigned threads = 0;              // workers for group(); 0 = std::thread::hardware_concurrency()
};

// The bounded per-article state kept until grouping.
struct signature {
  std::string id;
  std::string title;                     // first 200 bytes, for --events-only
  std::string event;                     // explicit event, or empty
  std::optional<std::int32_t> day;       // days since 1970-01-01 of the publication date
  std::vector<std::uint32_t> strong;     // sorted unique hashes: entities, figures, dates (weight 1)
  std::vector<std::uint32_t> bigrams;    // sorted unique hashes: sampled syllable bigrams
};

// Days since 1970-01-01 of a civil date (year, month and day known); nullopt otherwise.
std::optional<std::int32_t> day_number(const civil_time& t) noexcept;

// Signature of one article. Errors: invalid_utf8 / binary_input / too_large (from make_document),
// naming the article id. Pure function: safe to call from many threads.
result<signature> make_signature(const article& a);

// One event found in the stream.
struct event_group {
  std::string name;                   // the explicit event, or "auto-N" (N from 1, in order of first member)
  bool explicit_event = false;
  std::vector<std::size_t> members;   // indices in add() order, ascending
};

class grouper {
 public:
  explicit grouper(grouping_options options = {}) : options_(options) {}

  // Keeps the signature; returns its index. Not thread-safe (see above).
  std::size_t add(signature s);
  std::size_t size() const noexcept { return signatures_.size(); }
  const signature& at(std::size_t index) const { return signatures_.at(index); }
  const grouping_options& options() const noexcept { return options_; }

  // The events: explicit ones first in order of their first member, interleaved with automatic ones by
  // first member, every article in exactly one event. Deterministic for a given add() order.
  std::vector<event_group> group() const;

  // Bytes held by signatures and the frequency table (the documented memory bound, measured).
  std::size_t memory_bytes() const noexcept;

 private:
  grouping_options options_;
  std::vector<signature> signatures_;
  std::unordered_map<std::uint32_t, std::uint32_t> frequency_;  // key -> articles (automatic ones only)
  std::size_t automatic_ = 0;
};

// Pairwise precision and recall of a grouping against a reference labelling (`truth[i]` = reference
// event of member i): a pair counts as predicted when both are in one group, as true when both share a
// reference label. Used by the evaluation test and the benchmark.
struct pairwise_score {
  double precision = 0, recall = 0;
  std::uint64_t true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
};
pairwise_score score_pairs(const std::vector<event_group>& groups, const std::vector<std::string>& truth);

}  // namespace doichieu::corpus

#endif  // DOICHIEU_CORPUS_HPP_
