// NFC normalisation with an offset map back to the original bytes, and length-preserving case folding.
//
// Vietnamese text arrives both precomposed and decomposed ("ả" as U+1EA3 or as a + U+0309), and the
// grammars only see NFC. Findings must still point at the bytes the user gave us, so the icu::Edits that
// ICU records while normalising become the offset_map segments.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

namespace doichieu {

std::size_t offset_map::to_original_start(std::size_t nfc_offset) const noexcept {
  if (segments_.empty()) return nfc_offset;
  // The first run that ends after the offset contains it; zero-length runs (pure deletions) never do.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), nfc_offset,
                             [](std::size_t off, const segment& s) { return off < s.nfc_begin + s.nfc_length; });
  if (it == segments_.end()) {
    const segment& last = segments_.back();
    return last.original_begin + last.original_length + (nfc_offset - (last.nfc_begin + last.nfc_length));
  }
  if (it->changed) return it->original_begin;
  return it->original_begin + (nfc_offset - it->nfc_begin);
}

std::size_t offset_map::to_original_end(std::size_t nfc_offset) const noexcept {
  if (segments_.empty()) return nfc_offset;
  if (nfc_offset == 0) return 0;
  // The first non-empty run whose end is at or after the offset holds the last byte of the span.
  auto it = std::lower_bound(segments_.begin(), segments_.end(), nfc_offset,
                             [](const segment& s, std::size_t off) { return s.nfc_begin + s.nfc_length < off; });
  while (it != segments_.end() && it->nfc_length == 0) ++it;
  if (it == segments_.end()) {
    const segment& last = segments_.back();
    return last.original_begin + last.original_length + (nfc_offset - (last.nfc_begin + last.nfc_length));
  }
  if (it->changed) return it->original_begin + it->original_length;
  return it->original_begin + (nfc_offset - it->nfc_begin);
}

result<normalized_text> normalize_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  // getNFCInstance returns an ICU-owned singleton: never deleted, safe to use from any thread.
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return make_error(error_kind::icu, std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
  }
  normalized_text out;
  out.nfc.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out.nfc);
  icu::Edits edits;
  nfc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, &edits, status);
  if (U_FAILURE(status)) {
    return make_error(error_kind::icu, std::string("ICU NFC normalisation failed: ") + u_errorName(status));
  }
  if (!edits.hasChanges()) return out;

  // Fine edits keep each changed run as small as ICU knows it, so a span inside a long changed stretch
  // maps back to the characters it covers rather than to the whole stretch.
  std::vector<offset_map::segment> segments;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    segments.push_back({static_cast<std::size_t>(it.destinationIndex()), static_cast<std::size_t>(it.newLength()),
                        static_cast<std::size_t>(it.sourceIndex()), static_cast<std::size_t>(it.oldLength()),
                        static_cast<bool>(it.hasChange())});
  }
  if (U_FAILURE(status)) {
    return make_error(error_kind::icu, std::string("ICU edits iteration failed: ") + u_errorName(status));
  }
  out.map = offset_map(std::move(segments));
  return out;
}

std::string fold_case(std::string_view nfc) {
  std::string out;
  out.reserve(nfc.size());
  const auto* s = reinterpret_cast<const uint8_t*>(nfc.data());
  const auto length = static_cast<int32_t>(nfc.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      // Not reachable for validated input; copying the bytes keeps the size invariant regardless.
      out.append(nfc.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      continue;
    }
    const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    // Keeping the original when the length would change (U+212A KELVIN SIGN -> "k") is what lets
    // `folded` share every offset with `nfc`.
    const UChar32 keep = U8_LENGTH(folded) == i - start ? folded : c;
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, keep, error);
    (void)error;  // cannot fail: `keep` is a valid code point and 4 bytes always suffice
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace doichieu
