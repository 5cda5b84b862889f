// Message templates: ICU MessageFormat with named arguments, so numbers come out the way each language
// writes them (vi: 756,2 and 1.000; en: 756.2 and 1,000) and translators can use select/plural.
#include <memory>

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include "kinds/kind.hpp"

namespace doichieu::rules {
namespace {

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Each number through the locale's number format, exactly (decimal string in, no double).
icu::UnicodeString format_list(const number_list& list, const char* locale, UErrorCode& status) {
  icu::UnicodeString out;
  std::unique_ptr<icu::NumberFormat> nf(icu::NumberFormat::createInstance(icu::Locale(locale), status));
  if (U_FAILURE(status)) return out;
  nf->setMaximumFractionDigits(6);
  icu::UnicodeString sep = icu::UnicodeString::fromUTF8(list.separator);
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    if (i > 0) out += sep;
    std::string digits = list.items[i].to_string();
    icu::Formattable number(icu::StringPiece(digits), status);
    if (U_FAILURE(status)) return out;
    nf->format(number, out, status);
  }
  return out;
}

}  // namespace

result<std::string> format_message(const std::string& pattern, const char* locale, const message_args& args) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  icu::MessageFormat fmt(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale), parse_error, status);
  if (U_FAILURE(status)) {
    return make_error(error_kind::bad_rule, std::string("message template does not compile: ") + u_errorName(status));
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(a.name));
    if (const auto* d = std::get_if<decimal>(&a.value)) {
      // Through the decimal string: ICU keeps it exact, a double would print 39.8 as 39.799999.
      std::string digits = d->to_string();
      icu::Formattable number(icu::StringPiece(digits), status);
      values.push_back(number);
    } else if (const auto* list = std::get_if<number_list>(&a.value)) {
      values.emplace_back(format_list(*list, locale, status));
    } else {
      values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(a.value)));
    }
  }
  icu::UnicodeString out;
  fmt.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) {
    return make_error(error_kind::bad_rule, std::string("message template cannot be formatted: ") + u_errorName(status));
  }
  return to_utf8(out);
}

status check_message_pattern(const std::string& pattern, const char* locale, const std::string& path,
                             const std::string& key) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  icu::MessageFormat fmt(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale), parse_error, status);
  if (U_FAILURE(status)) {
    return make_error(error_kind::bad_rule,
                      "key '" + key + "': not an ICU MessageFormat pattern (" + u_errorName(status) +
                          " at offset " + std::to_string(parse_error.offset) + ")",
                      source_location{path, std::nullopt, 0, 0});
  }
  return ok;
}

finding rule_context::make(bool passed, const message_args& args, std::vector<location> locations) const {
  finding f;
  f.rule = id;
  f.level = passed ? severity::info : level;
  f.passed = passed;
  f.locations = std::move(locations);
  message_args all = args;
  all.push_back({"outcome", std::string(passed ? "passed" : "failed")});
  // Patterns were compiled at load time, so a failure here means an argument the template does not
  // expect; fall back to the raw pattern rather than lose the finding.
  auto vi = format_message(message_vi, "vi", all);
  f.message = vi ? *vi : message_vi;
  auto en = format_message(message_en, "en", all);
  f.message_en = en ? *en : message_en;
  return f;
}

}  // namespace doichieu::rules
