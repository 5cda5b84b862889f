// same_document_details: wherever one document is cited — across the reports of an event and within one
// report — its details agree. A document is identified by its type and its number: "Đề án 06", "Đề án số
// 06" and "Đề án 6" are one document (the grammar drops "số"; a purely numeric number loses its leading
// zeros; case is folded, so "nghị quyết 12-NQ/TW" is "Nghị quyết 12-NQ/TW"). Three checks:
//
//  * date:   citations of one document that both state an issue date give the same day (compared on the
//            parts both give, like the event date);
//  * issuer: citations that both name an issuer name the same body. Issuers are compared after expanding
//            the abbreviations in `issuer_abbreviations` ("UBND" = "Ủy ban nhân dân"), and one that
//            contains the other as whole words agrees ("Thủ tướng Chính phủ" ⊇ "Chính phủ"): reporters
//            shorten issuers, they rarely swap them;
//  * number: a document cited with the same type, the same full issue date and a compatible issuer but a
//            different number ("Nghị quyết số 12-NQ/TW ngày 16/3/2022" vs "số 21-NQ/TW ngày 16/3/2022")
//            is one document with a mistyped number — provided the two numbers carry the same code after
//            the serial ("-NQ/TW"), and no single report cites both (then they are two documents of one
//            day, which Vietnamese bodies issue routinely).
//
// For each check the detail most citations give is the reference; every citation that departs from it is a
// finding listing the departing citation first and the agreeing ones after. When at least two citations
// stated the detail and all agree, one passed check lists them.
//
// A bare serial with a different issuer *and* a different date ("Nghị quyết số 45 ngày 24/1/2019 của Bộ
// Chính trị" vs "Nghị quyết số 45 ngày 10/8/2021 của HĐND tỉnh") is two documents that share a number, not
// one document misreported: such pairs are not compared. A coded number ("12-NQ/TW") names its issuer and
// year, so it is always one document.
//
// params:
//   issuer_abbreviations   {"ubnd": "ủy ban nhân dân", ...}: abbreviations expanded before issuers compare
//   check_numbers          whether the third check runs (default true)
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

struct citation {
  std::size_t report = 0;
  const fact* f = nullptr;
  std::string doctype;                  // folded
  std::string number;                   // canonical
  std::string serial;                   // leading digits of the number ("12" of "12-nq/tw"), may be empty
  std::string code;                     // what follows the serial ("-nq/tw"), may be empty
  std::vector<std::string> issuer;      // folded words with abbreviations expanded; empty when not stated
  std::optional<civil_time> date;       // issue date when stated
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A Roman numeral as its value ("xvi" -> 16); nullopt when `s` is not one.
std::optional<int> roman_value(std::string_view s) {
  auto digit = [](char c) {
    switch (c) {
      case 'i': return 1;
      case 'v': return 5;
      case 'x': return 10;
      case 'l': return 50;
      case 'c': return 100;
      case 'd': return 500;
      case 'm': return 1000;
      default: return 0;
    }
  };
  if (s.empty() || s.size() > 12) return std::nullopt;
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = digit(s[i]);
    if (v == 0) return std::nullopt;
    int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total;
}

// "Số 06" -> "6", "XVI" -> "16" (congresses are numbered both ways: "Đại hội XVI" = "Đại hội 16"), "12 - NQ/TW" -> "12-nq/tw", "06/CP" -> "06/cp" (only a purely numeric number drops zeros:
// in a code the zeros are part of how the office writes it).
std::string canonical_number(std::string_view written) {
  std::string n = fold(written);
  std::string out;
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] == ' ') continue;
    if (n.compare(i, 3, "\xE2\x80\x93") == 0) {  // en dash, written for the hyphen of a code
      out.push_back('-');
      i += 2;
      continue;
    }
    out.push_back(n[i]);
  }
  if (out.rfind("số", 0) == 0) out.erase(0, std::string_view("số").size());
  if (auto roman = roman_value(out)) return std::to_string(*roman);
  if (all_digits(out)) {
    std::size_t nz = out.find_first_not_of('0');
    out = nz == std::string::npos ? "0" : out.substr(nz);
  }
  return out;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '.' || c == '(' || c == ')') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// `inner` occurs in `outer` as a run of whole words.
bool contains_words(const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
  if (inner.empty() || inner.size() > outer.size()) return false;
  return std::search(outer.begin(), outer.end(), inner.begin(), inner.end()) != outer.end();
}

bool same_issuer(const citation& a, const citation& b) {
  return contains_words(a.issuer, b.issuer) || contains_words(b.issuer, a.issuer);
}

bool same_day(const civil_time& a, const civil_time& b) {
  auto clash = [](const std::optional<int>& x, const std::optional<int>& y) { return x && y && *x != *y; };
  return !clash(a.year, b.year) && !clash(a.month, b.month) && !clash(a.day, b.day);
}

bool full_date(const std::optional<civil_time>& t) { return t && t->year && t->month && t->day; }

std::string show_date(const civil_time& t) {
  std::string out;
  if (t.day) out += std::to_string(*t.day) + "/";
  if (t.month) out += std::to_string(*t.month);
  if (t.year) out += (out.empty() ? "" : "/") + std::to_string(*t.year);
  return out;
}

class same_document_details final : public rule_kind {
 public:
  std::vector<std::pair<std::string, std::vector<std::string>>> abbreviations;  // folded word -> words
  bool check_numbers = true;

  void run(std::span<const report_view> reports, const rule_context& ctx, std::vector<finding>& out) const override {
    std::vector<citation> cites;
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const auto& f : *reports[r].facts) {
        if (f.kind != fact_kind::docref || f.docref.number.empty()) continue;
        cites.push_back(make_citation(r, f));
      }
    }
    if (cites.size() < 2) return;

    // One document = one (doctype, number); groups in order of first citation, so output order is stable.
    std::vector<std::vector<const citation*>> documents;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (const auto& c : cites) {
      auto [it, fresh] = index.try_emplace({c.doctype, c.number}, documents.size());
      if (fresh) documents.emplace_back();
      documents[it->second].push_back(&c);
    }
    for (const auto& doc : documents) {
      if (doc.size() < 2) continue;
      check_detail(doc, ctx, out, "date", [](const citation& c) { return c.date.has_value(); },
                   [](const citation& a, const citation& b) { return same_day(*a.date, *b.date); },
                   [](const citation& c) { return show_date(*c.date); });
      check_detail(doc, ctx, out, "issuer", [](const citation& c) { return !c.issuer.empty(); }, same_issuer,
                   [](const citation& c) { return c.f->docref.issuer; });
    }
    if (check_numbers) check_numbers_of_one_day(cites, reports.size(), ctx, out);
  }

 private:
  citation make_citation(std::size_t r, const fact& f) const {
    citation c;
    c.report = r;
    c.f = &f;
    c.doctype = fold(f.docref.doctype);
    c.number = canonical_number(f.docref.number);
    std::size_t digits = 0;
    while (digits < c.number.size() && c.number[digits] >= '0' && c.number[digits] <= '9') ++digits;
    c.serial = c.number.substr(0, digits);
    c.code = c.number.substr(digits);
    if (all_digits(c.serial)) {  // the serial compares without leading zeros, like a bare number
      std::size_t nz = c.serial.find_first_not_of('0');
      c.serial = nz == std::string::npos ? "0" : c.serial.substr(nz);
    }
    for (const auto& w : words_of(fold(f.docref.issuer))) {
      auto it = std::find_if(abbreviations.begin(), abbreviations.end(), [&](const auto& a) { return a.first == w; });
      if (it == abbreviations.end()) {
        c.issuer.push_back(w);
      } else {
        c.issuer.insert(c.issuer.end(), it->second.begin(), it->second.end());
      }
    }
    c.date = f.docref.date;
    return c;
  }

  // Citations of a bare serial whose issuer and date both differ are two documents: they are split apart
  // before a detail is judged, so neither is held against the other.
  static bool distinct_documents(const citation& a, const citation& b) {
    if (!a.code.empty() || !b.code.empty()) return false;
    bool issuers_differ = !a.issuer.empty() && !b.issuer.empty() && !same_issuer(a, b);
    bool dates_differ = a.date && b.date && !same_day(*a.date, *b.date);
    return issuers_differ && dates_differ;
  }

  template <class Stated, class Agree, class Show>
  void check_detail(const std::vector<const citation*>& doc, const rule_context& ctx, std::vector<finding>& out,
                    const char* aspect, Stated stated, Agree agree, Show show) const {
    std::vector<const citation*> with;
    for (const auto* c : doc)
      if (stated(*c)) with.push_back(c);
    if (with.size() < 2) return;
    for (std::size_t i = 0; i < with.size(); ++i)
      for (std::size_t j = i + 1; j < with.size(); ++j)
        if (distinct_documents(*with[i], *with[j])) return;

    // Reference: the detail most citations agree with (the first cited wins ties).
    std::size_t ref = 0, ref_votes = 0;
    for (std::size_t i = 0; i < with.size(); ++i) {
      std::size_t votes = 0;
      for (const auto* c : with) votes += agree(*with[i], *c) ? 1 : 0;
      if (votes > ref_votes) {
        ref = i;
        ref_votes = votes;
      }
    }
    const citation& reference = *with[ref];
    std::vector<location> agreeing;
    for (const auto* c : with)
      if (agree(reference, *c)) agreeing.push_back(location_of(c->report, *c->f));
    message_args base{{"aspect", std::string(aspect)}, {"document", name_of(reference)}};
    if (agreeing.size() == with.size()) {
      message_args args = base;
      args.push_back({"value", show(reference)});
      args.push_back({"other", show(reference)});
      out.push_back(ctx.make(true, args, agreeing));
      return;
    }
    for (const auto* c : with) {
      if (agree(reference, *c)) continue;
      message_args args = base;
      args.push_back({"value", show(*c)});
      args.push_back({"other", show(reference)});
      std::vector<location> locs{location_of(c->report, *c->f)};
      locs.insert(locs.end(), agreeing.begin(), agreeing.end());
      out.push_back(ctx.make(false, args, std::move(locs)));
    }
  }

  static std::string name_of(const citation& c) { return c.f->docref.doctype + " " + c.f->docref.number; }

  // The same type, full issue date and issuer under two numbers with one code: one document, one number
  // mistyped — unless a single report cites both.
  void check_numbers_of_one_day(const std::vector<citation>& cites, std::size_t report_count,
                                const rule_context& ctx, std::vector<finding>& out) const {
    // Group by (doctype, day, code); inside a group, numbers are the competing readings.
    struct day_group {
      std::vector<const citation*> items;
    };
    std::vector<day_group> groups;
    std::map<std::tuple<std::string, int, int, int, std::string>, std::size_t> index;
    for (const auto& c : cites) {
      if (!full_date(c.date) || c.serial.empty()) continue;
      auto key = std::make_tuple(c.doctype, *c.date->year, *c.date->month, *c.date->day, c.code);
      auto [it, fresh] = index.try_emplace(key, groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].items.push_back(&c);
    }
    for (const auto& g : groups) {
      std::vector<std::string> numbers;
      for (const auto* c : g.items)
        if (std::find(numbers.begin(), numbers.end(), c->number) == numbers.end()) numbers.push_back(c->number);
      if (numbers.size() < 2) continue;
      // Two numbers in one report: two documents of one day.
      bool two_in_one_report = false;
      for (std::size_t r = 0; r < report_count && !two_in_one_report; ++r) {
        std::string first;
        for (const auto* c : g.items) {
          if (c->report != r) continue;
          if (first.empty()) first = c->number;
          else if (c->number != first) two_in_one_report = true;
        }
      }
      if (two_in_one_report) continue;
      // Issuers, when stated, must agree for the citations to be one document.
      bool issuers_clash = false;
      for (const auto* a : g.items)
        for (const auto* b : g.items)
          if (!a->issuer.empty() && !b->issuer.empty() && !same_issuer(*a, *b)) issuers_clash = true;
      if (issuers_clash) continue;

      // Reference: the number most citations give (the first cited wins ties).
      std::string ref;
      std::size_t ref_votes = 0;
      for (const auto& n : numbers) {
        auto votes = static_cast<std::size_t>(
            std::count_if(g.items.begin(), g.items.end(), [&](const citation* c) { return c->number == n; }));
        if (votes > ref_votes) {
          ref = n;
          ref_votes = votes;
        }
      }
      const citation* reference = nullptr;
      std::vector<location> agreeing;
      for (const auto* c : g.items) {
        if (c->number != ref) continue;
        if (reference == nullptr) reference = c;
        agreeing.push_back(location_of(c->report, *c->f));
      }
      for (const auto* c : g.items) {
        if (c->number == ref) continue;
        message_args args{{"aspect", std::string("number")},
                          {"document", name_of(*reference)},
                          {"value", c->f->docref.number},
                          {"other", reference->f->docref.number + " (" + show_date(*reference->date) + ")"}};
        std::vector<location> locs{location_of(c->report, *c->f)};
        locs.insert(locs.end(), agreeing.begin(), agreeing.end());
        out.push_back(ctx.make(false, args, std::move(locs)));
      }
    }
  }
};

}  // namespace

result<std::unique_ptr<const rule_kind>> make_same_document_details(const nlohmann::json& params,
                                                                    const kind_env& env) {
  if (auto st = check_param_keys(params, {"issuer_abbreviations", "check_numbers"}, env); !st) return st.error();
  auto k = std::make_unique<same_document_details>();
  auto bad = [&](const std::string& message) {
    return make_error(error_kind::bad_rule, message, source_location{env.rule_path, std::nullopt, 0, 0});
  };
  if (params.contains("issuer_abbreviations")) {
    const auto& abbr = params["issuer_abbreviations"];
    if (!abbr.is_object())
      return bad("key 'params.issuer_abbreviations': must be an object mapping an abbreviation to its words");
    for (const auto& [short_form, long_form] : abbr.items()) {
      if (!long_form.is_string() || long_form.get<std::string>().empty())
        return bad("key 'params.issuer_abbreviations." + short_form + "': must be a non-empty string");
      k->abbreviations.emplace_back(fold(short_form), words_of(fold(long_form.get<std::string>())));
    }
  }
  if (params.contains("check_numbers")) {
    if (!params["check_numbers"].is_boolean()) return bad("key 'params.check_numbers': must be true or false");
    k->check_numbers = params["check_numbers"].get<bool>();
  }
  return std::unique_ptr<const rule_kind>(std::move(k));
}

}  // namespace doichieu::rules
