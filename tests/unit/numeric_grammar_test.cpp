// The numeric grammar on real sentences: values, units, qualifiers, intervals and exact spans.
#include <catch2/catch.hpp>

#include <string>

#include <doichieu/document.hpp>
#include <doichieu/grammars/grammars.hpp>

namespace {

using namespace doichieu;
using namespace doichieu::grammars;

const lexicon& test_lexicon() {
  static const std::shared_ptr<const lexicon> lex = [] {
    auto numeric = load_numeric_lexicon(std::string(DOICHIEU_SOURCE_DIR) + "/grammars/lexicon/vi");
    if (!numeric) FAIL(numeric.error().describe());
    auto l = std::make_shared<lexicon>();
    l->numeric = *numeric;
    return std::shared_ptr<const lexicon>(l);
  }();
  return *lex;
}

struct parsed {
  std::optional<parse_outcome> out;
  std::string text;      // the fact's span
  std::string consumed;  // what the parser consumed
};

// Parses at the first occurrence of `at` in `text` (the whole text when empty).
parsed parse_at(const std::string& text, const std::string& at = {}) {
  auto doc = make_document("t", text);
  REQUIRE(doc);
  std::size_t begin = at.empty() ? 0 : doc->nfc.find(at);
  REQUIRE(begin != std::string::npos);
  parse_request req{*doc, begin, doc->nfc.size(), test_lexicon()};
  parsed p;
  p.out = parse_numeric(req);
  if (p.out) {
    p.consumed = doc->nfc.substr(begin, p.out->end - begin);
    if (p.out->value) p.text = doc->nfc.substr(p.out->value->nfc_begin, p.out->value->nfc_end - p.out->value->nfc_begin);
  }
  return p;
}

decimal dec(const char* s) { return *decimal::parse(s); }

const fact& fact_of(const parsed& p) {
  REQUIRE(p.out);
  REQUIRE(p.out->value);
  return *p.out->value;
}

}  // namespace

TEST_CASE("money from the seed reports", "[numeric][money]") {
  auto p = parse_at("Tổng mức đầu tư 796 tỉ đồng, trong đó", "796");
  const auto& f = fact_of(p);
  CHECK(f.kind == fact_kind::money);
  CHECK(f.amount_value.value == dec("796000000000"));
  CHECK(f.amount_value.unit == "VND");
  CHECK(p.text == "796 tỉ đồng");

  auto q = parse_at("ngân sách trung ương 756,2 tỉ đồng.", "756");
  CHECK(fact_of(q).amount_value.value == dec("756200000000"));
  auto r = parse_at("vốn địa phương 39,8 tỉ đồng", "39");
  CHECK(fact_of(r).amount_value.value == dec("39800000000"));

  auto s = parse_at("thu nhập bình quân trên 9.500 USD/người", "trên");
  const auto& g = fact_of(s);
  CHECK(g.kind == fact_kind::money);
  CHECK(g.amount_value.unit == "USD");
  CHECK(g.amount_value.qual == qualifier::over);
  CHECK(g.amount_value.from == dec("9500"));
  CHECK(s.text == "trên 9.500 USD");
}

TEST_CASE("quantities and counted nouns", "[numeric][quantity]") {
  auto p = parse_at("diện tích 27.781 m2 đất", "27");
  CHECK(fact_of(p).kind == fact_kind::quantity);
  CHECK(fact_of(p).amount_value.unit == "m2");
  CHECK(fact_of(p).amount_value.value == dec("27781"));

  auto q = parse_at("Sau sắp xếp giảm khoảng 1.000 biên chế.", "khoảng");
  const auto& f = fact_of(q);
  CHECK(f.kind == fact_kind::number);
  CHECK(f.amount_value.value == dec("1000"));
  CHECK(f.amount_value.qual == qualifier::about);
  CHECK(f.amount_value.counted == "biên chế");

  auto r = parse_at("điều động hơn 1.500 cán bộ", "hơn");
  CHECK(fact_of(r).amount_value.qual == qualifier::over);
  CHECK(fact_of(r).amount_value.counted == "cán bộ");
}

TEST_CASE("fractions, ratios, durations, percents", "[numeric]") {
  auto p = parse_at("đạt và vượt 17/19 chỉ tiêu", "17");
  CHECK(fact_of(p).kind == fact_kind::fraction);
  CHECK(fact_of(p).fraction.numerator == 17);
  CHECK(fact_of(p).fraction.denominator == 19);

  auto q = parse_at("cao gấp 2,23 lần cả nước", "gấp");
  CHECK(fact_of(q).kind == fact_kind::ratio);
  CHECK(fact_of(q).amount_value.value == dec("2.23"));
  CHECK(q.text == "gấp 2,23 lần");

  auto r = parse_at("kỷ niệm 80 năm Ngày", "80");
  CHECK(fact_of(r).kind == fact_kind::duration);
  CHECK(fact_of(r).amount_value.unit == "year");

  auto s = parse_at("tăng 2,5 điểm phần trăm so với", "2,5");
  CHECK(fact_of(s).kind == fact_kind::percent);
  CHECK(fact_of(s).amount_value.unit == "percentage_point");
  CHECK(fact_of(parse_at("đạt 15% kế hoạch", "15")).amount_value.value == dec("15"));
}

TEST_CASE("word numerals", "[numeric][words]") {
  CHECK(fact_of(parse_at("hai mươi mốt nghìn không trăm mười một")).amount_value.value == dec("21011"));
  CHECK(fact_of(parse_at("bảy trăm hai mươi mốt nghìn không trăm mười hai")).amount_value.value == dec("721012"));
  CHECK(fact_of(parse_at("3 tỷ 200 triệu")).amount_value.value == dec("3200000000"));
  CHECK(fact_of(parse_at("2,3 ngàn tỷ đồng")).amount_value.value == dec("2300000000000"));
  CHECK(fact_of(parse_at("một trăm linh năm")).amount_value.value == dec("105"));
  CHECK(fact_of(parse_at("âm 1.200.000")).amount_value.value == dec("-1200000"));
  {
    auto g = parse_at(",0012G");
    INFO(g.text << " / " << (g.out && g.out->value ? g.out->value->amount_value.value->to_string() : "none"));
    CHECK(fact_of(g).amount_value.value == dec("1200000"));
  }
  // "tỉ" is never read inside "tỉnh", and a lone "không"/"năm" inside a phrase is no number.
  auto p = parse_at("một tỉnh", "một");
  CHECK_FALSE((p.out && p.out->value && p.text == "một tỉ"));
  CHECK_FALSE(parse_at("không có ai", "không").out.has_value());
  CHECK_FALSE(parse_at("năm 2024 tăng", "năm").out.has_value());
  CHECK_FALSE(parse_at("giảm theo từng năm, tai nạn giảm", "năm,").out.has_value());
  CHECK_FALSE(parse_at("tăng trưởng trên hai con số", "trên").out.has_value());
  // A failed interval ("2024-05 Ngày") keeps the first figure as written, not the second one's unit.
  const fact y = fact_of(parse_at("date 2024-05 Ngày 9/5", "2024"));
  CHECK(y.kind == fact_kind::number);
  CHECK(y.amount_value.value == dec("2024"));
}

TEST_CASE("intervals and open bounds", "[numeric][interval]") {
  const fact f = fact_of(parse_at("từ 1000 đến 2000 đồng"));
  CHECK(f.amount_value.from == dec("1000"));
  CHECK(f.amount_value.to == dec("2000"));
  CHECK(f.amount_value.unit == "VND");
  const fact g = fact_of(parse_at("từ 7000 đồng trở xuống"));
  CHECK(g.amount_value.to == dec("7000"));
  CHECK_FALSE(g.amount_value.from.has_value());
  const fact h = fact_of(parse_at("trên một đô la và 42 xu"));
  CHECK(h.amount_value.from == dec("1.42"));
  CHECK(h.amount_value.unit == "$");
}

TEST_CASE("not figures: codes, roads, names", "[numeric][negative]") {
  auto p = parse_at("dịch COVID-19 bùng phát", "COVID");
  REQUIRE(p.out);
  CHECK_FALSE(p.out->value);
  CHECK(p.consumed == "COVID-19");
  auto q = parse_at("dọc QL 1, 18 qua tỉnh", "QL");
  REQUIRE(q.out);
  CHECK_FALSE(q.out->value);
  CHECK(q.consumed == "QL 1, 18");
  auto r = parse_at("theo Nghị định 30/2020/NĐ-CP về", "30");
  REQUIRE(r.out);
  CHECK_FALSE(r.out->value);
  auto s = parse_at("làm việc tại Trụ sở 1 của", "Trụ");
  REQUIRE(s.out);
  CHECK_FALSE(s.out->value);
  CHECK_FALSE(fact_of(parse_at("Đại hội XIII của Đảng", "Đại")).amount_value.value != dec("13"));
}
