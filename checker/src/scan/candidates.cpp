#include "candidates.hpp"

#include <algorithm>

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace doichieu::scan {

namespace {
const char* family_name(std::size_t f) {
  static constexpr const char* names[] = {"docref", "temporal", "person", "numeric"};
  return names[f];
}
}  // namespace

candidate_scanner::~candidate_scanner() = default;

result<std::shared_ptr<const candidate_scanner>> candidate_scanner::build(
    const std::array<std::vector<std::string>, family_count>& patterns) {
  std::shared_ptr<candidate_scanner> scanner(new candidate_scanner());
  for (std::size_t f = 0; f < family_count; ++f) {
    if (patterns[f].empty()) continue;
    std::string joined;
    for (const auto& p : patterns[f]) {
      if (!joined.empty()) joined += '|';
      joined += "(?:" + p + ")";
    }
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);  // the title and unit alternations are large
    auto re = std::make_unique<re2::RE2>(joined, options);
    if (!re->ok()) {
      return make_error(error_kind::bad_lexicon, std::string("candidate pattern of the ") + family_name(f) +
                                                     " grammar does not compile: " + re->error() +
                                                     " (at '" + re->error_arg() + "')");
    }
    scanner->regexes_[f] = std::move(re);
  }
  return std::shared_ptr<const candidate_scanner>(std::move(scanner));
}

bool is_token_start(std::string_view text, std::size_t range_begin, std::size_t pos) noexcept {
  if (pos <= range_begin) return true;
  // Step back over one UTF-8 code point.
  std::size_t i = pos - 1;
  while (i > range_begin && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  UChar32 c = 0;
  std::int32_t offset = static_cast<std::int32_t>(i);
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), offset, static_cast<std::int32_t>(pos), c);
  if (c < 0) return true;
  return !u_isalnum(c) && u_charType(c) != U_NON_SPACING_MARK;
}

void candidate_scanner::scan(std::string_view folded, text_range range, std::vector<candidate>& out) const {
  // position -> family bits; a sentence rarely has more than a few dozen candidates.
  std::vector<candidate> found;
  const re2::StringPiece text(folded.data(), folded.size());
  for (std::size_t f = 0; f < family_count; ++f) {
    const re2::RE2* re = regexes_[f].get();
    if (re == nullptr) continue;
    std::size_t from = range.begin;
    re2::StringPiece match;
    while (from < range.end &&
           re->Match(text, from, range.end, re2::RE2::UNANCHORED, &match, 1)) {
      auto pos = static_cast<std::size_t>(match.data() - folded.data());
      if (is_token_start(folded, range.begin, pos)) found.push_back({pos, 1u << f});
      // Continue after the first code point of the match so overlapping starts are still seen.
      std::size_t step = 1;
      while (pos + step < range.end && (static_cast<unsigned char>(folded[pos + step]) & 0xC0) == 0x80) ++step;
      from = pos + step;
    }
  }
  std::sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) { return a.position < b.position; });
  for (const auto& c : found) {
    if (!out.empty() && out.back().position == c.position) {
      out.back().families |= c.families;
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace doichieu::scan
