// The engine: one pipeline from bytes to findings.
//
//   bytes -> UTF-8 check -> NFC + offset map -> case fold -> sentences      (make_document)
//         -> RE2 candidate positions per grammar family                    (scan/candidates)
//         -> X3 parses at those positions, longest match wins              (grammars)
//         -> typed facts with original spans                              (extract_facts)
//         -> rules within and across reports -> findings                  (rules)
#include <doichieu/engine.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <doichieu/grammars/grammars.hpp>
#include <doichieu/rules/rules.hpp>
#include <doichieu/text.hpp>

#include "scan/candidates.hpp"

namespace doichieu {

struct engine::impl {
  std::string data_dir;
  std::shared_ptr<const sentence_splitter> splitter;
  std::shared_ptr<const grammars::lexicon> lex;
  std::shared_ptr<const scan::candidate_scanner> scanner;
  std::shared_ptr<const rules::rule_set> rules;
};

namespace {

namespace fs = std::filesystem;

bool has_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "rules" / "vi", ec) && fs::is_directory(dir / "grammars" / "lexicon" / "vi", ec);
}

// One parse attempt per family that a candidate allows; the longest consumption wins, ties keep the
// earlier family (docref > temporal > person > numeric: a document number is never a figure).
std::optional<grammars::parse_outcome> best_parse(const grammars::parse_request& req, unsigned families) {
  using parser = std::optional<grammars::parse_outcome> (*)(const grammars::parse_request&);
  static constexpr parser parsers[scan::family_count] = {grammars::parse_docref, grammars::parse_temporal,
                                                         grammars::parse_person, grammars::parse_numeric};
  std::optional<grammars::parse_outcome> best;
  for (std::size_t f = 0; f < scan::family_count; ++f) {
    if ((families & (1u << f)) == 0) continue;
    auto out = parsers[f](req);
    if (!out || out->end <= req.begin || out->end > req.limit) continue;
    if (!best || out->end > best->end) best = std::move(out);
  }
  return best;
}

// Original spans of facts, which arrive in text order. document::original_span counts code points from the
// start of the line for every call, which is quadratic on one long line (a 500 KB single-line report took
// 59 s, 80 % of it counting columns). Here the column is carried forward from the previous fact on the same
// line, so the whole report costs one pass; the result is the same span original_span gives.
class span_locator {
 public:
  explicit span_locator(const document& doc) noexcept : doc_(doc) {}

  span operator()(std::size_t nfc_begin, std::size_t nfc_end) {
    const std::size_t start = doc_.map.to_original_start(nfc_begin);
    if (start < offset_ || start > doc_.original.size()) return doc_.original_span(nfc_begin, nfc_end);
    const std::size_t end = nfc_end <= nfc_begin ? start : std::max(start, doc_.map.to_original_end(nfc_end));
    const auto& starts = doc_.line_starts;
    const auto it = std::upper_bound(starts.begin(), starts.end(), start);
    const std::size_t line = it == starts.begin() ? 1 : static_cast<std::size_t>(it - starts.begin());
    const std::size_t line_start = it == starts.begin() ? 0 : *(it - 1);
    if (line != line_ || line_start > offset_) {  // a new line: count from its start
      line_ = line;
      offset_ = line_start;
      column_ = 1;
    }
    for (std::size_t i = offset_; i < start; ++i) {
      if ((static_cast<unsigned char>(doc_.original[i]) & 0xC0u) != 0x80u) ++column_;
    }
    offset_ = start;
    span out;
    out.start = start;
    out.end = std::min(end, doc_.original.size());
    out.line = line;
    out.column = column_;
    return out;
  }

 private:
  const document& doc_;
  std::size_t offset_ = 0;  // original byte whose column is column_ on line line_
  std::size_t line_ = 0;
  std::size_t column_ = 1;
};

std::vector<fact> extract_facts(const document& doc, const grammars::lexicon& lex,
                                const scan::candidate_scanner& scanner) {
  std::vector<fact> facts;
  span_locator locate(doc);
  std::vector<scan::candidate> candidates;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const text_range sentence = doc.sentences[s];
    candidates.clear();
    scanner.scan(doc.folded, sentence, candidates);
    std::size_t cursor = sentence.begin;  // text before it is already consumed
    for (const auto& c : candidates) {
      if (c.position < cursor) continue;
      grammars::parse_request req{doc, c.position, sentence.end, lex};
      auto out = best_parse(req, c.families);
      if (!out) continue;
      cursor = out->end;
      if (!out->value) continue;
      fact f = std::move(*out->value);
      if (f.nfc_end <= f.nfc_begin) {  // a family that did not set its span covers what it consumed
        f.nfc_begin = c.position;
        f.nfc_end = out->end;
      }
      f.where = locate(f.nfc_begin, f.nfc_end);
      f.text = doc.original.substr(f.where.start, f.where.end - f.where.start);
      f.sentence = s;
      facts.push_back(std::move(f));
    }
  }
  return facts;
}

bool location_less(const location& a, const location& b) {
  if (a.document != b.document) return a.document < b.document;
  return a.where.start < b.where.start;
}

}  // namespace

std::string default_data_dir() {
  if (const char* env = std::getenv("DOICHIEU_DATA_DIR"); env != nullptr && *env != '\0') return env;
#ifdef DOICHIEU_SOURCE_DATA_DIR
  if (has_data(DOICHIEU_SOURCE_DATA_DIR)) return DOICHIEU_SOURCE_DATA_DIR;
#endif
#ifdef DOICHIEU_INSTALL_DATA_DIR
  if (has_data(DOICHIEU_INSTALL_DATA_DIR)) return DOICHIEU_INSTALL_DATA_DIR;
#endif
  return ".";
}

engine::engine(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
engine::~engine() = default;

result<std::shared_ptr<const engine>> engine::load(const engine_options& options) {
  try {
    auto state = std::make_unique<impl>();
    state->data_dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
    if (!has_data(state->data_dir)) {
      return make_error(error_kind::bad_config,
                        "data directory '" + state->data_dir + "' has no rules/vi and grammars/lexicon/vi",
                        {state->data_dir, {}, 0, 0});
    }
    auto splitter = sentence_splitter::load(state->data_dir + "/grammars/lexicon/vi/abbreviations.json");
    if (!splitter) return splitter.error();
    state->splitter = std::move(*splitter);
    auto lex = grammars::load_lexicon(state->data_dir + "/grammars/lexicon/vi");
    if (!lex) return lex.error();
    state->lex = std::move(*lex);

    std::array<std::vector<std::string>, scan::family_count> patterns;
    patterns[scan::docref] = grammars::docref_triggers(*state->lex->docref);
    patterns[scan::temporal] = grammars::temporal_triggers(*state->lex->temporal);
    patterns[scan::person] = grammars::person_triggers(*state->lex->person);
    patterns[scan::numeric] = grammars::numeric_triggers(*state->lex->numeric);
    auto scanner = scan::candidate_scanner::build(patterns);
    if (!scanner) return scanner.error();
    state->scanner = std::move(*scanner);

    auto rule_set = rules::load_rule_set(state->data_dir + "/rules/vi", options.disabled_rules, options.tolerances,
                                         options.gazetteers);
    if (!rule_set) return rule_set.error();
    state->rules = std::move(*rule_set);
    return std::shared_ptr<const engine>(new engine(std::move(state)));
  } catch (const std::exception& e) {
    return make_error(error_kind::internal, std::string("loading the engine failed: ") + e.what());
  }
}

result<extraction> engine::extract(report_input input) const {
  try {
    auto doc = make_document(std::move(input.path), std::move(input.bytes), input.published, *impl_->splitter);
    if (!doc) return doc.error();
    extraction out{std::move(*doc), {}};
    out.facts = extract_facts(out.doc, *impl_->lex, *impl_->scanner);
    return out;
  } catch (const std::exception& e) {
    return make_error(error_kind::internal, std::string("extraction failed: ") + e.what(), {input.path, {}, 0, 0});
  }
}

result<check_report> engine::check(std::vector<report_input> inputs) const {
  try {
    check_report report;
    report.reports.reserve(inputs.size());
    for (auto& in : inputs) {
      auto ex = extract(std::move(in));
      if (!ex) return ex.error();
      report.reports.push_back(std::move(*ex));
    }
    std::vector<rules::report_view> views;
    views.reserve(report.reports.size());
    for (const auto& r : report.reports) views.push_back({&r.doc, &r.facts});
    for (auto& f : impl_->rules->run(views)) {
      std::sort(f.locations.begin() + (f.locations.empty() ? 0 : 1), f.locations.end(), location_less);
      (f.passed ? report.passed : report.findings).push_back(std::move(f));
    }
    auto order = [](const finding& a, const finding& b) {
      if (a.level != b.level) return a.level > b.level;
      if (a.locations.empty() || b.locations.empty()) return a.locations.size() > b.locations.size();
      if (location_less(a.locations[0], b.locations[0])) return true;
      if (location_less(b.locations[0], a.locations[0])) return false;
      return a.rule < b.rule;
    };
    std::stable_sort(report.findings.begin(), report.findings.end(), order);
    std::stable_sort(report.passed.begin(), report.passed.end(), order);
    for (const auto& r : impl_->rules->rules()) report.rules.push_back({r.id, r.kind, r.level, r.description});
    std::sort(report.rules.begin(), report.rules.end(),
              [](const rule_summary& a, const rule_summary& b) { return a.id < b.id; });
    return report;
  } catch (const std::exception& e) {
    return make_error(error_kind::internal, std::string("check failed: ") + e.what());
  }
}

}  // namespace doichieu
