// Sentence and paragraph segmentation: ICU's sentence BreakIterator, abbreviations from data, line breaks.
//
// ICU's FilteredBreakIteratorBuilder suppresses a break after a listed abbreviation, with two quirks that
// matter for Vietnamese news, both seen on real text:
//  * it matches the abbreviation as a bare suffix, so "TT." also swallows the end of "ANTT." and "H." the
//    end of any upper-case word ("HÀ TĨNH."). We therefore also run the unfiltered iterator and put back
//    every suppressed break whose abbreviation does not start a word.
//  * an entry with an inner period ("PGS.TS.") turns its prefix ("PGS.") into a partial match that needs the
//    rest to follow, which silently disables a separately listed "PGS.". ICU only ever breaks after the
//    final period (no break inside "PGS.TS." since no space follows the inner one), so ICU gets the final
//    piece ("TS.") and the word-start check above is done against the full entry.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/localpointer.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

namespace doichieu {

struct sentence_splitter::impl {
  std::vector<std::string> abbreviations;  // NFC, as listed: what a suppressed break must really follow
  std::vector<std::string> initial_words;  // folded NFC: after these a single letter + '.' is a name initial
  // Prototypes: never iterated, only cloned (under `clone_mutex`), so they are never mutated after load.
  std::unique_ptr<icu::BreakIterator> plain;
  std::unique_ptr<icu::BreakIterator> filtered;
  // ICU documents clone() as the way to get an iterator per thread but does not promise that concurrent
  // clone() calls on one prototype are safe; a clone is cheap next to a split, so we serialise it.
  mutable std::mutex clone_mutex;
};

namespace {

bool is_line_break_at(std::string_view s, std::size_t i) {
  return s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'));
}

bool only_white_space(std::string_view s, std::size_t begin, std::size_t end) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(begin);
  const auto e = static_cast<int32_t>(end);
  while (i < e) {
    UChar32 c;
    U8_NEXT(p, i, e, c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

bool contains_white_space(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto e = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < e) {
    UChar32 c;
    U8_NEXT(p, i, e, c);
    if (c >= 0 && u_isUWhiteSpace(c)) return true;
  }
  return false;
}

// The word just before byte `at` (skipping white space), folded; empty when there is none.
std::string word_before(std::string_view text, std::size_t at) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c = 0;
  while (i > 0) {
    int32_t j = i;
    U8_PREV(p, 0, j, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    i = j;
  }
  const int32_t end = i;
  while (i > 0) {
    int32_t j = i;
    U8_PREV(p, 0, j, c);
    if (c < 0 || !u_isalpha(c)) break;
    i = j;
  }
  return fold_case(text.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(end - i)));
}

bool is_single_letter(std::string_view abbreviation) {
  const auto* p = reinterpret_cast<const uint8_t*>(abbreviation.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(abbreviation.size()), c);
  return c >= 0 && static_cast<std::size_t>(i) + 1 == abbreviation.size();
}

// Whether a break that ICU suppressed at `pos` really follows a listed abbreviation that starts a word.
// A single letter after a word such as "chị" or "anh" is a person's initial ("sang nhà chị H. Đến nơi"),
// which news reports use in place of names and often end a sentence with, so it does not count.
bool abbreviation_starts_word(std::string_view text, std::size_t pos, const sentence_splitter::impl& data) {
  // ICU's filter looks past exactly one U+0020 before the break ("TP. |Hồ").
  std::size_t end = pos;
  if (end > 0 && text[end - 1] == ' ') --end;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (const std::string& a : data.abbreviations) {
    if (a.size() > end || text.compare(end - a.size(), a.size(), a) != 0) continue;
    auto start = static_cast<int32_t>(end - a.size());
    if (start > 0) {
      int32_t j = start;
      UChar32 before;
      U8_PREV(p, 0, j, before);
      if (before >= 0 && u_isalnum(before)) continue;
    }
    if (is_single_letter(a) && !data.initial_words.empty()) {
      const std::string word = word_before(text, static_cast<std::size_t>(start));
      if (std::find(data.initial_words.begin(), data.initial_words.end(), word) != data.initial_words.end()) continue;
    }
    return true;
  }
  return false;
}

std::vector<int32_t> boundaries(icu::BreakIterator& it) {
  std::vector<int32_t> out;
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) out.push_back(b);
  return out;
}

// Where byte `byte` of a data file is, for error messages (column in code points).
source_location location_in(const std::string& path, std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  source_location where{path, byte, 1, 1};
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
      ++where.column;
    }
  }
  return where;
}

}  // namespace

sentence_splitter::sentence_splitter(std::unique_ptr<impl> p) noexcept : impl_(std::move(p)) {}
sentence_splitter::~sentence_splitter() = default;

const std::vector<std::string>& sentence_splitter::abbreviations() const noexcept { return impl_->abbreviations; }

result<std::shared_ptr<const sentence_splitter>> sentence_splitter::from_abbreviations(
    const std::vector<std::string>& abbreviations, const std::string& origin,
    const std::vector<std::string>& initial_words) {
  auto p = std::make_unique<impl>();
  for (const std::string& raw : initial_words) {
    if (auto valid = validate_utf8(raw, origin); !valid) return valid.error();
    auto normal = normalize_nfc(raw);
    if (!normal) return normal.error();
    if (normal->nfc.empty() || contains_white_space(normal->nfc)) {
      return make_error(error_kind::bad_lexicon, "initial word \"" + raw + "\" must be one non-empty word",
                        {origin, std::nullopt, 0, 0});
    }
    p->initial_words.push_back(fold_case(normal->nfc));
  }
  for (const std::string& raw : abbreviations) {
    if (auto valid = validate_utf8(raw, origin); !valid) return valid.error();
    auto normal = normalize_nfc(raw);
    if (!normal) return normal.error();
    const std::string& a = normal->nfc;
    if (a.size() < 2 || a.back() != '.') {
      return make_error(error_kind::bad_lexicon,
                        "abbreviation \"" + raw + "\" must end with '.' after at least one letter "
                        "(ICU only breaks sentences after a terminator)",
                        {origin, std::nullopt, 0, 0});
    }
    if (contains_white_space(a) || a.find('\0') != std::string::npos) {
      return make_error(error_kind::bad_lexicon, "abbreviation \"" + raw + "\" must not contain white space",
                        {origin, std::nullopt, 0, 0});
    }
    if (std::find(p->abbreviations.begin(), p->abbreviations.end(), a) == p->abbreviations.end()) {
      p->abbreviations.push_back(a);
    }
  }
  // Longest first, so the word-start check sees "PGS.TS." before its tail "TS.".
  std::stable_sort(p->abbreviations.begin(), p->abbreviations.end(),
                   [](const std::string& x, const std::string& y) { return x.size() > y.size(); });

  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale vietnamese("vi");
  p->plain.reset(icu::BreakIterator::createSentenceInstance(vietnamese, status));
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status) || !p->plain || !builder) {
    return make_error(error_kind::icu, std::string("cannot create ICU sentence iterator: ") + u_errorName(status),
                      {origin, std::nullopt, 0, 0});
  }
  for (const std::string& a : p->abbreviations) {
    // Only the piece after the last inner period goes to ICU (see the file comment).
    const std::size_t inner = a.find_last_of('.', a.size() - 2);
    const std::string tail = inner == std::string::npos ? a : a.substr(inner + 1);
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(tail), status);
  }
  icu::BreakIterator* plain_copy = p->plain->clone();
  if (plain_copy == nullptr) status = U_MEMORY_ALLOCATION_ERROR;
  // wrapIteratorWithFilter adopts its argument even on failure.
  if (U_SUCCESS(status)) p->filtered.reset(builder->wrapIteratorWithFilter(plain_copy, status));
  if (U_FAILURE(status) || !p->filtered) {
    return make_error(error_kind::icu,
                      std::string("cannot build filtered ICU sentence iterator: ") + u_errorName(status),
                      {origin, std::nullopt, 0, 0});
  }
  return std::shared_ptr<const sentence_splitter>(new sentence_splitter(std::move(p)));
}

result<std::shared_ptr<const sentence_splitter>> sentence_splitter::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_kind::io, "cannot open abbreviation list", {path, std::nullopt, 0, 0});
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(error_kind::io, "cannot read abbreviation list", {path, std::nullopt, 0, 0});

  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the character at which parsing stopped.
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    return make_error(error_kind::bad_lexicon, std::string("malformed JSON: ") + e.what(),
                      location_in(path, text, at));
  } catch (const nlohmann::json::exception& e) {
    return make_error(error_kind::bad_lexicon, std::string("malformed JSON: ") + e.what(), {path, std::nullopt, 0, 0});
  }
  if (!doc.is_object()) {
    return make_error(error_kind::bad_lexicon,
                      "expected an object with keys \"description\" and \"abbreviations\"", location_in(path, text, 0));
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "description" && key != "abbreviations" && key != "initial_words") {
      const auto at = text.find("\"" + key + "\"");
      return make_error(error_kind::bad_lexicon,
                        "unknown key \"" + key +
                            "\"; allowed keys: \"description\", \"abbreviations\", \"initial_words\"",
                        location_in(path, text, at == std::string::npos ? 0 : at));
    }
  }
  const auto list = doc.find("abbreviations");
  if (list == doc.end() || !list->is_array()) {
    return make_error(error_kind::bad_lexicon, "\"abbreviations\" must be an array of strings",
                      location_in(path, text, 0));
  }
  std::vector<std::string> entries, initial_words;
  for (const auto& [key, target] : {std::pair{"abbreviations", &entries}, std::pair{"initial_words", &initial_words}}) {
    const auto found = doc.find(key);
    if (found == doc.end()) continue;
    const auto at = text.find("\"" + std::string(key) + "\"");
    if (!found->is_array()) {
      return make_error(error_kind::bad_lexicon, "\"" + std::string(key) + "\" must be an array of strings",
                        location_in(path, text, at));
    }
    for (const auto& item : *found) {
      if (!item.is_string()) {
        return make_error(error_kind::bad_lexicon, "\"" + std::string(key) + "\" must hold strings only, found " +
                                                       std::string(item.type_name()),
                          location_in(path, text, at));
      }
      target->push_back(item.get<std::string>());
    }
  }
  auto splitter = from_abbreviations(entries, path, initial_words);
  if (!splitter) {
    // Point at the offending entry when the message quotes one.
    error err = splitter.error();
    const auto q1 = err.message.find('"');
    const auto q2 = q1 == std::string::npos ? q1 : err.message.find('"', q1 + 1);
    if (q2 != std::string::npos) {
      const auto at = text.find(err.message.substr(q1, q2 - q1 + 1));
      if (at != std::string::npos) err.where = location_in(path, text, at);
    }
    return err;
  }
  return splitter;
}

std::vector<text_range> sentence_splitter::split(std::string_view nfc) const {
  std::vector<text_range> out;
  if (nfc.empty()) return out;

  std::vector<std::size_t> cuts;
  // Line breaks always end a sentence.
  for (std::size_t i = 0; i < nfc.size(); ++i) {
    if (is_line_break_at(nfc, i)) cuts.push_back(i + 1);
  }

  std::unique_ptr<icu::BreakIterator> plain, filtered;
  {
    std::lock_guard<std::mutex> lock(impl_->clone_mutex);
    plain.reset(impl_->plain->clone());
    filtered.reset(impl_->filtered->clone());
  }
  UErrorCode status = U_ZERO_ERROR;
  // UTF-8 UText: native indices, hence every boundary, are byte offsets into `nfc`.
  icu::LocalUTextPointer text(utext_openUTF8(nullptr, nfc.data(), static_cast<int64_t>(nfc.size()), &status));
  if (plain && filtered && U_SUCCESS(status)) {
    plain->setText(text.getAlias(), status);
    filtered->setText(text.getAlias(), status);
  }
  if (plain && filtered && U_SUCCESS(status)) {
    const std::vector<int32_t> kept = boundaries(*filtered);
    for (int32_t b : kept) cuts.push_back(static_cast<std::size_t>(b));
    for (int32_t b : boundaries(*plain)) {
      if (std::binary_search(kept.begin(), kept.end(), b)) continue;
      if (!abbreviation_starts_word(nfc, static_cast<std::size_t>(b), *impl_)) {
        cuts.push_back(static_cast<std::size_t>(b));
      }
    }
  }
  // Should ICU fail (out of memory), the line breaks alone still give usable sentences.
  cuts.push_back(0);
  cuts.push_back(nfc.size());
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    if (cuts[k + 1] > nfc.size()) break;
    if (only_white_space(nfc, cuts[k], cuts[k + 1])) continue;
    out.push_back({cuts[k], cuts[k + 1]});
  }
  return out;
}

std::vector<text_range> split_paragraphs(std::string_view text) {
  std::vector<text_range> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool at_end = i == text.size();
    if (!at_end && text[i] != '\n' && text[i] != '\r') continue;
    if (!only_white_space(text, begin, i)) out.push_back({begin, i});
    if (!at_end && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    begin = i + 1;
  }
  return out;
}

std::vector<std::size_t> find_line_starts(std::string_view bytes) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (is_line_break_at(bytes, i)) starts.push_back(i + 1);
  }
  return starts;
}

}  // namespace doichieu
