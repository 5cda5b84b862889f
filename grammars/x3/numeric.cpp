// grammars/x3/numeric.cpp — instantiates the numeral grammar and composes figures around it:
// hedges and intervals before/after, then what the number counts (currency, unit, percent, duration,
// ratio, counted noun), plus the readings that consume text without a figure (codes, roads, names).
//
// Composition is plain C++ over the X3 pieces because each step is a longest-match decision with
// explicit fall-back ("từ 1000 đồng đến 2000 đồng" is an interval, "từ 1000 đồng" alone is a figure the
// next call reads); every table lookup still goes through the lexicon's x3::symbols.
#include <string>
#include <utility>

#include <doichieu/grammars/grammars.hpp>

#include "x3/numeric_def.hpp"

namespace doichieu::grammars {
namespace numeric_grammar {

BOOST_SPIRIT_INSTANTIATE(numeral_type, x3_config::iterator_type, context_type)

numeral_type const& numeral() { return numeral_rule; }

namespace {

enum class measure_kind { number, money, quantity, percent, ratio, duration, fraction };

// One number with what follows it.
struct measure {
  const char* begin = nullptr;
  const char* end = nullptr;
  numeral_ast num;
  measure_kind kind = measure_kind::number;
  std::string unit;
  std::string counted;
  bool explicit_unit = false;  // the measure names its own unit (not borrowed from the other interval end)
};

class composer {
 public:
  composer(const numeric_env& env, const char* phrase_begin, const char* last)
      : env_(env), lex_(env.lex), phrase_begin_(phrase_begin), last_(last) {}

  // The numeral through the X3 rule, with the tables in the context.
  bool read_numeral(const char*& p, numeral_ast& out) const {
    auto ctx = x3::make_context<numeric_env_tag>(env_);
    const char* q = p;
    if (!numeral_rule.parse(q, last_, ctx, x3::unused, out)) return false;
    p = q;
    return true;
  }

  // A figure: [currency] numeral [currency [cents] | unit | percent | duration | lần | counted noun].
  std::optional<measure> read_measure(const char* p) const {
    measure m;
    m.begin = p;
    const char* q = p;
    std::optional<std::string> currency_before;
    {
      const char* s = q;
      if (auto c = match_word(lex_.currencies_before, s, last_, /*glued_ok=*/true)) {
        const char* t = s;
        skip_space(t, last_);
        if (t < last_ && (is_digit(*t) || *t == ',')) {
          currency_before = *c;
          q = t;
        }
      }
    }
    if (!read_numeral(q, m.num)) return std::nullopt;
    if (m.num.is_code) {
      m.end = q;
      return m;
    }
    if (m.num.is_fraction) m.kind = measure_kind::fraction;
    if (currency_before) {
      m.kind = measure_kind::money;
      m.unit = *currency_before;
      m.explicit_unit = true;
      m.end = q;
      return m;
    }
    // What follows: glued ("20€", "5km", "15%") or after a space.
    const char* s = q;
    bool spaced = skip_space(s, last_);
    bool matched = false;
    if (auto pc = match_word(lex_.percent_words, s, last_)) {
      m.kind = measure_kind::percent;
      if (*pc == 1) m.unit = "percentage_point";
      matched = true;
    } else if (auto c = match_word(lex_.currencies_after, s, last_)) {
      m.kind = measure_kind::money;
      m.unit = *c;
      matched = true;
      read_cents(s, m);
    } else if (auto u = match_word(lex_.units, s, last_)) {
      m.kind = measure_kind::quantity;
      m.unit = *u;
      matched = true;
    } else if (spaced && m.kind != measure_kind::fraction) {
      if (auto d = match_word(lex_.duration_units, s, last_)) {
        m.kind = measure_kind::duration;
        m.unit = *d;
        matched = true;
      } else if (match_word(lex_.ratio_after, s, last_)) {
        m.kind = measure_kind::ratio;
        matched = true;
      }
    }
    if (matched && m.kind == measure_kind::fraction) {
      matched = false;  // "17/19 m2" is no fraction reading we know; keep the fraction alone
      m.unit.clear();
      m.kind = measure_kind::fraction;
      s = q;
    }
    if (matched) {
      m.explicit_unit = true;
      q = s;
    } else {
      s = q;
      if (spaced && skip_space(s, last_)) {
        if (auto n = match_word(lex_.counted_nouns, s, last_)) {
          m.counted = *n;
          q = s;
          matched = true;
        }
      }
    }
    if (!matched) {
      // Letters glued to digits that are no unit: "19a", "3g": a code.
      if (!m.num.words && alnum_at(q, last_)) {
        m.num.is_code = true;
        m.end = skip_code(q, last_);
        return m;
      }
      // A lone number word ("không", "năm", "ba", "một") is a figure only when it is the whole phrase,
      // as in a table cell or an answer: "không có", "năm 2024", "từng năm,", "ba mẹ" are not numbers.
      if (m.num.words && m.num.word_count == 1 && !m.num.has_scale) {
        const char* t = q;
        while (t < last_ && !alnum_at(t, last_)) ++t;
        if (t < last_) return std::nullopt;
        for (const char* b = phrase_begin_; b < p; ++b)
          if (alnum_at(b, last_)) return std::nullopt;
      }
    }
    m.end = q;
    return m;
  }

  // "2 đô la và 23 xen", "hai đô 23", "20 rupees 43": the hundredth part of a currency.
  void read_cents(const char*& p, measure& m) const {
    if (!lex_.currencies_with_cents.count(m.unit)) return;
    const char* s = p;
    if (!skip_space(s, last_)) return;
    const char* t = s;
    if (match_word(lex_.interval_and, t, last_) && skip_space(t, last_)) s = t;
    numeral_ast cents;
    if (!read_numeral(s, cents) || cents.is_code || cents.is_fraction || cents.has_scale ||
        !cents.value.is_integer() || cents.value.mantissa < 0 || cents.value.normalized().mantissa >= 100)
      return;
    const char* u = s;
    if (skip_space(u, last_) && match_word(lex_.cent_words, u, last_)) {
      s = u;
    } else if (alnum_at(s, last_)) {
      return;
    } else {
      const char* v = s;
      if (skip_space(v, last_) && alnum_at(v, last_)) return;  // "5 đô 20 người": not cents
    }
    auto part = cents.value.scaled_by_power_of_ten(-2);
    if (!part) return;
    auto sum = m.num.value.plus(*part);
    if (!sum) return;
    m.num.value = *sum;
    p = s;
  }

  const numeric_env& env_;
  const numeric_lexicon& lex_;
  const char* phrase_begin_;  // start of the sentence holding the parse position
  const char* last_;
};

fact_kind kind_of(measure_kind k) {
  switch (k) {
    case measure_kind::money: return fact_kind::money;
    case measure_kind::quantity: return fact_kind::quantity;
    case measure_kind::percent: return fact_kind::percent;
    case measure_kind::ratio: return fact_kind::ratio;
    case measure_kind::duration: return fact_kind::duration;
    case measure_kind::fraction: return fact_kind::fraction;
    case measure_kind::number: break;
  }
  return fact_kind::number;
}

// A unit stated only on one end of an interval applies to both: "từ 1000 đến 2000 đồng".
void share_unit(measure& from, measure& to) {
  if (!from.explicit_unit && to.explicit_unit) {
    from.kind = to.kind;
    from.unit = to.unit;
  } else if (from.explicit_unit && !to.explicit_unit) {
    to.kind = from.kind;
    to.unit = from.unit;
  }
  if (from.counted.empty()) from.counted = to.counted;
  // "2-3 triệu": the scale written once belongs to both ends.
  if (!from.num.has_scale && to.num.has_scale) {
    if (auto v = from.num.value.scaled_by_power_of_ten(to.num.last_power); v && *v <= to.num.value)
      from.num.value = *v;
  }
}

}  // namespace

struct numeric_parse {
  const parse_request& req;
  const numeric_lexicon& lex;
  numeric_env env;
  const char* base;
  const char* last;
  composer comp;

  explicit numeric_parse(const parse_request& r)
      : req(r),
        lex(*r.lex.numeric),
        env{*r.lex.numeric, r.doc.folded.data(), r.doc.nfc.data()},
        base(r.doc.folded.data()),
        last(r.doc.folded.data() + std::min(r.limit, r.doc.folded.size())),
        comp(env, sentence_start(r), last) {}

  static const char* sentence_start(const parse_request& r) {
    const auto& s = r.doc.sentences;
    std::size_t i = r.doc.sentence_at(r.begin);
    std::size_t b = i < s.size() && s[i].begin <= r.begin ? s[i].begin : r.begin;
    return r.doc.folded.data() + b;
  }

  std::size_t off(const char* p) const { return static_cast<std::size_t>(p - base); }

  parse_outcome consumed(const char* end) const { return parse_outcome{off(end), std::nullopt}; }

  parse_outcome make(fact_kind kind, const char* b, const char* e, const char* consumed_end, amount a) const {
    fact f;
    f.kind = kind;
    f.nfc_begin = off(b);
    f.nfc_end = off(e);
    f.amount_value = std::move(a);
    return parse_outcome{off(consumed_end), std::move(f)};
  }

  parse_outcome from_measure(const measure& m, const char* b, const char* e, qualifier q) const {
    amount a;
    a.qual = q;
    a.unit = m.unit;
    a.counted = m.counted;
    a.value = m.num.value;
    if (q == qualifier::over || q == qualifier::at_least) a.from = m.num.value;
    if (q == qualifier::under || q == qualifier::at_most) a.to = m.num.value;
    auto out = make(kind_of(m.kind), b, e, e, std::move(a));
    if (m.kind == measure_kind::fraction && out.value) {
      out.value->fraction.numerator = m.num.value.mantissa;
      out.value->fraction.denominator = m.num.denominator;
      out.value->amount_value.value.reset();
      out.value->amount_value.from.reset();
      out.value->amount_value.to.reset();
    }
    return out;
  }

  // Text with digits that is not a figure: "COVID-19", "QL 1, 18", "Trụ sở 1".
  std::optional<parse_outcome> not_figure(const char* p) const {
    // Digits right after "x-" or "x/" belong to a code whose start lies before us.
    if (p > base && p < last && is_digit(*p)) {
      char prev = p[-1];
      if ((prev == '-' || prev == '/' || prev == '.') && p - 1 > base && alnum_at(p - 2, last)) {
        return consumed(skip_code(p, last));
      }
    }
    const char* s = p;
    if (match_word(lex.code_words, s, last, /*glued_ok=*/true)) {
      if (s < last && (*s == '-' || is_digit(*s))) {
        const char* e = skip_code(s, last);
        if (e > s + (*s == '-' ? 1 : 0)) return consumed(e);
      }
    }
    s = p;
    if (match_word(lex.road_prefixes, s, last, true)) {
      const char* e = nullptr;
      for (;;) {
        const char* t = s;
        skip_space(t, last);
        if (t >= last || !is_digit(*t)) break;
        while (t < last && is_digit(*t)) ++t;
        while (t < last && alnum_at(t, last) && !is_digit(*t)) {  // "1a"; whole code points ("18ộ", fuzz_grammar)
          std::size_t len = 0;
          decode_utf8(t, last, len);
          t += len;
        }
        e = s = t;
        const char* u = t;
        skip_space(u, last);
        if (u < last && (*u == ',' || *u == '-')) {
          s = u + 1;
        } else if (match_word(lex.interval_and, u, last)) {
          s = u;
        } else {
          break;
        }
      }
      if (e) return consumed(e);
    }
    s = p;
    if (match_word(lex.name_prefixes, s, last) && skip_space(s, last) && s < last && is_digit(*s)) {
      const char* t = s;
      while (t < last && is_digit(*t)) ++t;
      if (t - s <= 4 && !(t < last && (*t == '.' || *t == ',') && t + 1 < last && is_digit(t[1]))) {
        const char* e = t;
        while (e < last && alnum_at(e, last)) {
          std::size_t len = 0;
          decode_utf8(e, last, len);
          e += len;
        }
        // "phòng 2 người" would still be a name, but "khu 500 m2" is a figure: let units win.
        const char* u = e;
        skip_space(u, last);
        const char* v = u;
        if (!match_word(lex.units, v, last) && !match_word(lex.currencies_after, (v = u), last) &&
            !match_word(lex.percent_words, (v = u), last))
          return consumed(e);
      }
    }
    return std::nullopt;
  }

  static std::optional<int> roman_value(std::string_view r) {
    auto val = [](char c) {
      switch (c) {
        case 'i': return 1; case 'v': return 5; case 'x': return 10; case 'l': return 50;
        case 'c': return 100; case 'd': return 500; case 'm': return 1000; default: return 0;
      }
    };
    int total = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      int v = val(r[i]);
      if (v == 0) return std::nullopt;
      int next = i + 1 < r.size() ? val(r[i + 1]) : 0;
      total += v < next ? -v : v;
    }
    // Only canonical spellings: "iiii" or "vx" are words, not numerals.
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
        {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string canon;
    int n = total;
    for (auto [v, s] : table)
      while (n >= v) canon += s, n -= v;
    if (canon != r || total <= 0) return std::nullopt;
    return total;
  }

  std::optional<parse_outcome> ordinal(const char* p) const {
    const char* s = p;
    if (auto v = match_word(lex.ordinal_standalone, s, last))
      return make(fact_kind::ordinal, p, s, s, amount{decimal::from_int(*v), {}, {}, qualifier::exact, {}, {}});
    s = p;
    bool roman_ok = false;
    if (match_word(lex.roman_contexts, s, last)) {
      roman_ok = true;
    } else if (!match_word(lex.ordinal_prefix, s, last)) {
      return std::nullopt;
    }
    if (!skip_space(s, last)) return std::nullopt;
    const char* b = s;
    if (roman_ok) {
      const char* e = b;
      while (e < last && std::string_view("ivxlcdm").find(*e) != std::string_view::npos) ++e;
      if (e > b && !alnum_at(e, last)) {
        if (auto v = roman_value(std::string_view(b, static_cast<std::size_t>(e - b))))
          return make(fact_kind::ordinal, p, e, e, amount{decimal::from_int(*v), {}, {}, qualifier::exact, {}, {}});
      }
    }
    const char* e = b;
    if (auto w = match_word(lex.ordinal_words, e, last)) {
      // "thứ năm mươi" is a number word run, "thứ năm" the fifth: prefer the longer numeral when it exists.
      const char* e2 = b;
      numeral_ast n;
      if (comp.read_numeral(e2, n) && e2 > e && !n.is_code && !n.is_fraction && n.value.is_integer())
        return make(fact_kind::ordinal, p, e2, e2, amount{n.value, {}, {}, qualifier::exact, {}, {}});
      return make(fact_kind::ordinal, p, e, e, amount{decimal::from_int(*w), {}, {}, qualifier::exact, {}, {}});
    }
    numeral_ast n;
    e = b;
    if (comp.read_numeral(e, n) && !n.is_code && !n.is_fraction && n.value.is_integer() &&
        n.value.mantissa > 0 && !alnum_at(e, last))
      return make(fact_kind::ordinal, p, e, e, amount{n.value, {}, {}, qualifier::exact, {}, {}});
    return std::nullopt;
  }

  // "gấp 2,23 lần", "gấp đôi", "gấp 3".
  std::optional<parse_outcome> ratio(const char* p) const {
    const char* s = p;
    if (!match_word(lex.ratio_before, s, last) || !skip_space(s, last)) return std::nullopt;
    const char* e = s;
    if (auto w = match_word(lex.ratio_words, e, last)) {
      auto v = decimal{*w, 1}.normalized();
      return make(fact_kind::ratio, p, e, e, amount{v, {}, {}, qualifier::exact, {}, {}});
    }
    numeral_ast n;
    if (!comp.read_numeral(e, n) || n.is_code || n.is_fraction) return std::nullopt;
    const char* t = e;
    if (skip_space(t, last) && match_word(lex.ratio_after, t, last)) e = t;
    return make(fact_kind::ratio, p, e, e, amount{n.value, {}, {}, qualifier::exact, {}, {}});
  }

  // "hàng trăm người", "hàng nghìn tỷ đồng": at least the scale named.
  std::optional<parse_outcome> plural_scale(const char* p) const {
    const char* s = p;
    auto q = match_word(lex.plural_scale_words, s, last);
    if (!q || !skip_space(s, last)) return std::nullopt;
    int power = 0;
    if (match_word(lex.hundred_words, s, last)) power = 2;
    else if (auto sc = match_word(lex.scale_words, s, last)) power = *sc;
    else if (match_word(lex.tens_markers, s, last)) power = 1;
    else return std::nullopt;
    while (auto sc = spaced_word(lex.scale_words, s, last)) power += *sc;
    auto v = decimal::from_int(1).scaled_by_power_of_ten(power);
    if (!v) return std::nullopt;
    measure m;
    m.num.value = *v;
    const char* e = s;
    const char* t = s;
    if (skip_space(t, last)) {
      const char* u = t;
      if (auto c = match_word(lex.currencies_after, u, last)) m.kind = measure_kind::money, m.unit = *c, e = u;
      else if (auto un = match_word(lex.units, (u = t), last)) m.kind = measure_kind::quantity, m.unit = *un, e = u;
      else if (auto d = match_word(lex.duration_units, (u = t), last)) m.kind = measure_kind::duration, m.unit = *d, e = u;
      else if (auto n = match_word(lex.counted_nouns, (u = t), last)) m.counted = *n, e = u;
    }
    return from_measure(m, p, e, *q);
  }

  std::optional<parse_outcome> run() const {
    const char* p = base + req.begin;
    if (p >= last) return std::nullopt;
    if (auto r = not_figure(p)) return r;
    if (auto r = ordinal(p)) return r;
    if (auto r = ratio(p)) return r;
    if (auto r = plural_scale(p)) return r;

    // Hedges before: "khoảng", "tầm khoảng", "không quá" ... The strongest bound wins over "about".
    const char* s = p;
    qualifier qual = qualifier::exact;
    bool hedged = false;
    for (;;) {
      const char* t = s;
      auto h = match_word(lex.hedges_before, t, last);
      if (!h || !skip_space(t, last)) break;
      if (qual == qualifier::exact || qual == qualifier::about) qual = *h;
      hedged = true;
      s = t;
    }
    // Intervals: "từ A đến B", "giữa A và B", "A-B", "từ A trở xuống".
    const char* t = s;
    auto opener = match_word(lex.interval_open, t, last);
    bool between = false;
    if (opener) {
      // Which opener: "giữa" pairs with "và", "từ" with "đến/tới".
      std::string_view word(s, static_cast<std::size_t>(t - s));
      between = word == "giữa";
      if (!skip_space(t, last)) opener.reset();
    }
    const char* a_start = opener ? t : s;
    auto a = comp.read_measure(a_start);
    if (!a) {
      return std::nullopt;
    }
    if (a->num.is_code) return consumed(a->end);
    // The second end.
    {
      const char* u = a->end;
      const char* v = u;
      skip_space(v, last);
      bool joined = false;
      const char* w = v;
      if (between) {
        joined = match_word(lex.interval_and, w, last).has_value();
      } else if (w < last && (*w == '-' || std::string_view(w, static_cast<std::size_t>(last - w)).rfind("–", 0) == 0)) {
        w += *w == '-' ? 1 : std::string_view("–").size();
        joined = true;
      } else {
        joined = match_word(lex.interval_to, w, last).has_value();
      }
      if (joined) {
        skip_space(w, last);
        if (auto b = comp.read_measure(w); b && !b->num.is_code && !b->num.is_fraction &&
                                           a->kind != measure_kind::fraction) {
          measure from = *a;  // share on copies: a failed interval keeps the first figure as written
          share_unit(from, *b);
          bool same_kind = from.kind == b->kind && from.unit == b->unit;
          if (same_kind && (opener || hedged || from.num.value < b->num.value)) {
            a = from;
            amount am;
            am.from = a->num.value;
            am.to = b->num.value;
            am.qual = hedged ? qualifier::about : qualifier::exact;
            am.unit = a->unit;
            am.counted = b->counted.empty() ? a->counted : b->counted;
            return make(kind_of(a->kind), p, b->end, b->end, std::move(am));
          }
        }
      }
    }
    // "từ 7000 đồng trở xuống", "500 người trở lên".
    {
      const char* u = a->end;
      if (auto h = spaced_word(lex.hedges_after, u, last)) return from_measure(*a, p, u, *h);
    }
    if (opener && !hedged) {
      // "từ 1000 đồng" alone: the figure without the opener (the caller will call us again there).
      return from_measure(*a, a_start, a->end, qualifier::exact);
    }
    return from_measure(*a, p, a->end, qual);
  }
};

}  // namespace numeric_grammar

namespace {
// A telephone number is a code, not a figure: "0912 345 678", "024.3825.1234", "0912345678" (a leading
// zero, 9 to 11 digits in groups joined by one space, dot or hyphen) and service numbers "1900 1234",
// "1800.1091" (1800/1900 and 8 or 10 digits). Returns the end of the whole number, consumed without a fact.
std::optional<std::size_t> phone_number_end(const std::string& text, std::size_t begin, std::size_t limit) {
  std::size_t p = begin, digits = 0, groups = 0, first_group = 0;
  while (p < limit) {
    std::size_t q = p;
    while (q < limit && text[q] >= '0' && text[q] <= '9') ++q;
    if (q == p) break;
    digits += q - p;
    if (groups++ == 0) first_group = q - p;
    p = q;
    if (p + 1 < limit && (text[p] == ' ' || text[p] == '.' || text[p] == '-') && text[p + 1] >= '0' &&
        text[p + 1] <= '9')
      ++p;
    else
      break;
  }
  if (p < limit && ((text[p] >= '0' && text[p] <= '9') || common::alnum_at(text.data() + p, text.data() + limit)))
    return std::nullopt;
  if (text[begin] == '0' && first_group >= 2 && digits >= 9 && digits <= 11 &&
      (groups == 1 || first_group <= 4))
    return p;
  const std::string_view head(text.data() + begin, std::min<std::size_t>(4, limit - begin));
  if ((head == "1900" || head == "1800") && groups >= 2 && first_group == 4 && (digits == 8 || digits == 10))
    return p;
  return std::nullopt;
}
}  // namespace

std::optional<parse_outcome> parse_numeric(const parse_request& req) {
  if (!req.lex.numeric || req.begin >= req.limit || req.begin >= req.doc.folded.size()) return std::nullopt;
  if (auto end = phone_number_end(req.doc.folded, req.begin, req.limit)) return parse_outcome{*end, std::nullopt};
  try {
    numeric_grammar::numeric_parse np(req);
    auto out = np.run();
    if (out && out->end <= req.begin) return std::nullopt;
    return out;
  } catch (const std::exception&) {  // X3 expectation failures or allocation: no figure here
    return std::nullopt;
  }
}

namespace {
std::string regex_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}-/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

std::vector<std::string> numeric_triggers(const numeric_lexicon& lex) {
  std::vector<std::string> out = {"[0-9]", ",[0-9]", "-\\s?,?[0-9]"};
  std::string words;
  for (const auto& k : lex.start_keys) words += (words.empty() ? "" : "|") + regex_escape(k);
  if (!words.empty()) out.push_back("(?:" + words + ")");
  return out;
}

}  // namespace doichieu::grammars
