// Corpus grouping: article -> signature -> events. See corpus.hpp for the model and its bounds.
#include <doichieu/corpus.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <string_view>
#include <thread>
#include <utility>

#include <doichieu/document.hpp>

namespace doichieu::corpus {
namespace {

// FNV-1a: stable across runs and platforms, so signatures written by one machine (map step) match those
// of another. The kind tag keeps an entity "Hà Nội" and a bigram "hà nội" apart.
std::uint64_t fnv1a(char tag, std::string_view text) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  mix(static_cast<unsigned char>(tag));
  for (char c : text) mix(static_cast<unsigned char>(c));
  return h;
}
std::uint32_t key32(char tag, std::string_view text) noexcept {
  const std::uint64_t h = fnv1a(tag, text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// Decodes one UTF-8 code point (the document is validated, so the input is well formed).
char32_t decode(std::string_view s, std::size_t& i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Letters and digits of Vietnamese text. Everything outside ASCII that is not punctuation or a symbol
// block counts as a letter: the scripts in news text are Latin with diacritics, and a rare CJK name is
// still a word.
bool is_word_char(char32_t cp) noexcept {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation, arrows, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation and digits
  return true;
}

// A gap between two words that ends a sentence (a capitalised word after it says nothing about names).
bool ends_sentence(char32_t cp) noexcept {
  return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '\n' || cp == '"' || cp == 0x201C ||
         cp == 0x201D || cp == 0x2026 || cp == '\'' || cp == 0x2018 || cp == 0x2019;
}

struct token {
  std::size_t begin, end;  // nfc / folded offsets
  bool capitalised;        // first letter differs from its folded form
  bool has_digit;
  bool sentence_start;     // first word, or first after sentence punctuation
  bool joined;             // only spaces since the previous word: may continue a name
};

std::vector<token> tokenize(const document& doc) {
  std::vector<token> out;
  const std::string_view nfc = doc.nfc, folded = doc.folded;
  std::size_t i = 0;
  bool sentence = true, only_space = false;
  while (i < nfc.size()) {
    std::size_t start = i;
    char32_t cp = decode(nfc, i);
    if (!is_word_char(cp)) {
      if (ends_sentence(cp)) sentence = true;
      if (cp != ' ' && cp != 0xA0) only_space = false;
      continue;
    }
    token t{start, 0, false, false, sentence, only_space && !out.empty()};
    std::size_t f = start;
    const char32_t first_folded = decode(folded, f);
    t.capitalised = first_folded != cp;
    t.has_digit = cp >= '0' && cp <= '9';
    std::size_t end = i;
    while (end < nfc.size()) {
      std::size_t next = end;
      char32_t c = decode(nfc, next);
      if (!is_word_char(c)) break;
      if (c >= '0' && c <= '9') t.has_digit = true;
      end = next;
    }
    t.end = end;
    i = end;
    out.push_back(t);
    sentence = false;
    only_space = true;
  }
  return out;
}

}  // namespace

std::optional<std::int32_t> day_number(const civil_time& t) noexcept {
  if (!t.year || !t.month || !t.day) return std::nullopt;
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  int y = *t.year - (*t.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned m = static_cast<unsigned>(*t.month);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(*t.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

result<signature> make_signature(const article& a) {
  std::string text = a.title;
  if (!text.empty()) text += '\n';
  text += a.text;
  auto doc = make_document(a.id, std::move(text));
  if (!doc) return doc.error();

  signature sig;
  sig.id = a.id;
  sig.event = a.event;
  // At most 200 bytes, cut before a code point, never inside one.
  std::size_t cut = std::min<std::size_t>(a.title.size(), 200);
  while (cut < a.title.size() && cut > 0 && (static_cast<unsigned char>(a.title[cut]) & 0xC0) == 0x80) --cut;
  sig.title = a.title.substr(0, cut);
  if (a.published) sig.day = day_number(*a.published);

  const std::vector<token> toks = tokenize(*doc);
  const std::string_view folded = doc->folded;
  auto word = [&](const token& t) { return folded.substr(t.begin, t.end - t.begin); };

  // Named entities: maximal runs of capitalised words joined by spaces. A run that starts a sentence
  // keeps its first word only when the run has two or more words ("Hà Nội ..."), since a lone capital
  // there is just the sentence's first word.
  std::vector<std::uint32_t> strong, bigrams;
  std::size_t run_begin = 0, run_len = 0;
  bool run_at_start = false;
  auto flush = [&](std::size_t run_end_index) {
    if (run_len >= 2 || (run_len == 1 && !run_at_start)) {
      const std::size_t b = toks[run_begin].begin, e = toks[run_end_index - 1].end;
      strong.push_back(key32('e', folded.substr(b, e - b)));
    }
    run_len = 0;
  };
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const token& t = toks[k];
    if (run_len && (!t.joined || t.sentence_start)) flush(k);
    if (t.has_digit) {
      if (run_len) flush(k);
      if (t.end - t.begin >= 2) strong.push_back(key32('f', word(t)));
    } else if (t.capitalised) {
      if (!run_len) {
        run_begin = k;
        run_at_start = t.sentence_start;
      }
      ++run_len;
    } else if (run_len) {
      flush(k);
    }
    if (k + 1 < toks.size()) {
      // Bigrams across punctuation too: rewrites of one story keep word pairs, not their punctuation.
      std::string pair(word(t));
      pair += ' ';
      pair += word(toks[k + 1]);
      const std::uint32_t h = key32('b', pair);
      if ((h & 1u) == 0) bigrams.push_back(h);  // consistent 1-in-2 sample: same pair, same decision
    }
  }
  if (run_len) flush(toks.size());
  auto unique_sorted = [](std::vector<std::uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique_sorted(strong);
  unique_sorted(bigrams);
  // A hash that is both (vanishingly rare) stays strong only.
  std::vector<std::uint32_t> only_bigrams;
  std::set_difference(bigrams.begin(), bigrams.end(), strong.begin(), strong.end(), std::back_inserter(only_bigrams));
  sig.strong = std::move(strong);
  sig.bigrams = std::move(only_bigrams);
  return sig;
}

std::size_t grouper::add(signature s) {
  if (s.event.empty()) {
    ++automatic_;
    for (auto k : s.strong) ++frequency_[k];
    for (auto k : s.bigrams) ++frequency_[k];
  }
  signatures_.push_back(std::move(s));
  return signatures_.size() - 1;
}

std::size_t grouper::memory_bytes() const noexcept {
  std::size_t n = signatures_.capacity() * sizeof(signature);
  for (const auto& s : signatures_)
    n += s.id.capacity() + s.title.capacity() + s.event.capacity() +
         (s.strong.capacity() + s.bigrams.capacity()) * sizeof(std::uint32_t);
  // unordered_map node: key, value, next pointer, cached hash; plus the bucket array.
  n += frequency_.size() * (2 * sizeof(std::uint32_t) + 2 * sizeof(void*)) + frequency_.bucket_count() * sizeof(void*);
  return n;
}

namespace {

struct union_find {
  std::vector<std::size_t> parent;
  explicit union_find(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;  // the smaller index is the root: stable names
  }
};

}  // namespace

std::vector<event_group> grouper::group() const {
  const std::size_t n = signatures_.size();
  union_find uf(n);

  // Explicit events: one component per name.
  std::unordered_map<std::string, std::size_t> first_of_event;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& ev = signatures_[i].event;
    if (ev.empty()) continue;
    auto [it, inserted] = first_of_event.emplace(ev, i);
    if (!inserted) uf.unite(it->second, i);
  }

  // Kept keys: distinctive (in at least 2 articles, at most max_key_articles) -> IDF weight.
  const double total = static_cast<double>(std::max<std::size_t>(automatic_, 1));
  auto idf = [&](std::uint32_t key) -> double {
    auto it = frequency_.find(key);
    if (it == frequency_.end() || it->second < 2 || it->second > options_.max_key_articles) return 0.0;
    return std::log(total / it->second);
  };

  // Per article: its kept keys with weights, normalised to unit length (cosine).
  struct weighted {
    std::uint32_t key;
    float weight;
  };
  std::vector<std::vector<weighted>> vectors(n);
  // Posting entries carry the article's weight for the key, so a link costs one multiply-add.
  struct posting {
    std::uint32_t article;
    float weight;
  };
  std::unordered_map<std::uint32_t, std::vector<posting>> postings;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = signatures_[i];
    if (!s.event.empty()) continue;
    auto& v = vectors[i];
    double norm = 0;
    auto take = [&](const std::vector<std::uint32_t>& keys, double base) {
      for (auto k : keys) {
        const double w = base * idf(k);
        if (w <= 0) continue;
        v.push_back({k, static_cast<float>(w)});
        norm += w * w;
      }
    };
    take(s.strong, 1.0);
    take(s.bigrams, options_.bigram_weight);
    if (norm <= 0) continue;
    const double inv = 1.0 / std::sqrt(norm);
    for (auto& x : v) {
      x.weight = static_cast<float>(x.weight * inv);
      postings[x.key].push_back({static_cast<std::uint32_t>(i), x.weight});
    }
  }

  // Links: for each article, dot products with later articles that share a kept key (the inverted index
  // bounds this by max_key_articles per key). Workers take articles by stride; each keeps its own dense
  // scratch row and touched list, so the work is embarrassingly parallel and the result order-free.
  unsigned workers = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(n / 64, 1)));
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> links(workers);
  auto work = [&](unsigned w) {
    std::vector<float> acc(n, 0.0f);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = w; i < n; i += workers) {
      touched.clear();
      for (const auto& x : vectors[i]) {
        const auto& post = postings.find(x.key)->second;
        // Postings are ascending by article: start after i.
        auto it = std::upper_bound(post.begin(), post.end(), static_cast<std::uint32_t>(i),
                                   [](std::uint32_t a, const posting& p) { return a < p.article; });
        for (; it != post.end(); ++it) {
          if (acc[it->article] == 0.0f) touched.push_back(it->article);
          acc[it->article] += x.weight * it->weight;
        }
      }
      const auto& si = signatures_[i];
      for (auto j : touched) {
        const auto& sj = signatures_[j];
        const bool in_window = !si.day || !sj.day || std::abs(*si.day - *sj.day) <= options_.window_days;
        if (in_window && acc[j] >= options_.link_threshold) links[w].emplace_back(static_cast<std::uint32_t>(i), j);
        acc[j] = 0.0f;
      }
    }
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work, w);
    for (auto& t : pool) t.join();
  }
  for (const auto& list : links)
    for (auto [a, b] : list) uf.unite(a, b);

  // Components -> events, ordered by first member.
  std::vector<event_group> out;
  std::unordered_map<std::size_t, std::size_t> index_of_root;
  std::size_t automatic_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t root = uf.find(i);
    auto [it, inserted] = index_of_root.emplace(root, out.size());
    if (inserted) {
      event_group g;
      g.explicit_event = !signatures_[root].event.empty();
      g.name = g.explicit_event ? signatures_[root].event : "auto-" + std::to_string(++automatic_count);
      out.push_back(std::move(g));
    }
    out[it->second].members.push_back(i);
  }
  return out;
}

pairwise_score score_pairs(const std::vector<event_group>& groups, const std::vector<std::string>& truth) {
  pairwise_score s;
  auto pairs = [](std::uint64_t k) { return k * (k - (k ? 1 : 0)) / 2; };
  std::unordered_map<std::string, std::uint64_t> per_truth;
  for (const auto& t : truth) ++per_truth[t];
  for (const auto& [label, k] : per_truth) s.true_pairs += pairs(k);
  for (const auto& g : groups) {
    s.predicted_pairs += pairs(g.members.size());
    std::unordered_map<std::string, std::uint64_t> inside;
    for (auto m : g.members)
      if (m < truth.size()) ++inside[truth[m]];
    for (const auto& [label, k] : inside) s.correct_pairs += pairs(k);
  }
  s.precision = s.predicted_pairs ? static_cast<double>(s.correct_pairs) / s.predicted_pairs : 1.0;
  s.recall = s.true_pairs ? static_cast<double>(s.correct_pairs) / s.true_pairs : 1.0;
  return s;
}

}  // namespace doichieu::corpus
