// The rule kinds on facts built by hand over real documents: the arithmetic, the tolerance, the alignment
// and the messages, independent of what the grammars extract.
#include <catch2/catch.hpp>

#include <doichieu/document.hpp>
#include <doichieu/rules/rule_file.hpp>
#include <doichieu/rules/rules.hpp>

using namespace doichieu;

namespace {

struct report {
  document doc;
  std::vector<fact> facts;
};

report make_report(const std::string& text) {
  auto d = make_document("r.txt", text);
  REQUIRE(d);
  return {std::move(*d), {}};
}

// A fact over the first occurrence of `needle` after `from` (nfc bytes).
fact& add(report& r, fact_kind kind, const std::string& needle, std::size_t from = 0) {
  auto p = r.doc.nfc.find(needle, from);
  REQUIRE(p != std::string::npos);
  fact f;
  f.kind = kind;
  f.nfc_begin = p;
  f.nfc_end = p + needle.size();
  f.where = r.doc.original_span(f.nfc_begin, f.nfc_end);
  f.text = r.doc.original.substr(f.where.start, f.where.end - f.where.start);
  f.sentence = r.doc.sentence_at(p);
  r.facts.push_back(f);
  return r.facts.back();
}

fact& money(report& r, const std::string& needle, const char* value, qualifier q = qualifier::exact) {
  fact& f = add(r, fact_kind::money, needle);
  f.amount_value.value = decimal::parse(value);
  f.amount_value.unit = "VND";
  f.amount_value.qual = q;
  return f;
}

std::vector<finding> run_rule(const char* file, std::vector<report*> reports) {
  auto rs = rules::load_rule_file(std::string(DOICHIEU_SOURCE_DIR) + "/rules/vi/" + file);
  if (!rs) FAIL(rs.error().describe());
  std::vector<rules::report_view> views;
  for (auto* r : reports) views.push_back({&r->doc, &r->facts});
  return (*rs)->run(views);
}

std::size_t count(const std::vector<finding>& fs, bool passed) {
  std::size_t n = 0;
  for (const auto& f : fs) n += (f.passed == passed) ? 1 : 0;
  return n;
}

const std::string investment =
    "Trụ sở Công an tỉnh Quảng Ninh có tổng mức đầu tư xây dựng 796 tỉ đồng, trong đó tỉnh Quảng Ninh hỗ trợ "
    "756,2 tỉ đồng, Bộ Công an cấp 39,8 tỉ đồng.";

}  // namespace

TEST_CASE("sum_equals_total: 756,2 + 39,8 = 796 is a passed check with the sum in the message") {
  report r = make_report(investment);
  money(r, "796 tỉ đồng", "796000000000");
  money(r, "756,2 tỉ đồng", "756200000000");
  money(r, "39,8 tỉ đồng", "39800000000");
  auto out = run_rule("TOTAL_EQUALS_PARTS.json", {&r});
  REQUIRE(out.size() == 1);
  CHECK(out[0].passed);
  CHECK(out[0].level == severity::info);
  CHECK_THAT(out[0].message, Catch::Contains("756,2 + 39,8 = 796 tỉ đồng"));
  CHECK_THAT(out[0].message_en, Catch::Contains("756.2 + 39.8 = 796 billion"));
  REQUIRE(out[0].locations.size() == 3);
  CHECK(out[0].locations[0].text == "796 tỉ đồng");
  CHECK(out[0].locations[2].text == "39,8 tỉ đồng");
}

TEST_CASE("sum_equals_total: a changed part is an error covering the total and the part") {
  std::string text = investment;
  text.replace(text.find("39,8"), 4, "49,8");
  report r = make_report(text);
  money(r, "796 tỉ đồng", "796000000000");
  money(r, "756,2 tỉ đồng", "756200000000");
  money(r, "49,8 tỉ đồng", "49800000000");
  auto out = run_rule("TOTAL_EQUALS_PARTS.json", {&r});
  REQUIRE(out.size() == 1);
  CHECK_FALSE(out[0].passed);
  CHECK(out[0].level == severity::error);
  CHECK_THAT(out[0].message, Catch::Contains("756,2 + 49,8 = 806"));
  CHECK(out[0].locations[0].where.start == text.find("796"));
  CHECK(out[0].locations[2].where.start == text.find("49,8"));
}

TEST_CASE("sum_equals_total: a total without a part cue, or one part under the total, says nothing") {
  report r = make_report("Công trình có tổng diện tích sử dụng 27.781 m2, diện tích sàn xây dựng 41.284 m2.");
  auto& a = add(r, fact_kind::quantity, "27.781 m2");
  a.amount_value.value = decimal::parse("27781");
  a.amount_value.unit = "m2";
  auto& b = add(r, fact_kind::quantity, "41.284 m2");
  b.amount_value.value = decimal::parse("41284");
  b.amount_value.unit = "m2";
  CHECK(run_rule("TOTAL_EQUALS_PARTS.json", {&r}).empty());

  report one = make_report("Dự án có tổng vốn 500 tỉ đồng, trong đó ngân sách tỉnh 300 tỉ đồng.");
  money(one, "500 tỉ đồng", "500000000000");
  money(one, "300 tỉ đồng", "300000000000");
  CHECK(run_rule("TOTAL_EQUALS_PARTS.json", {&one}).empty());
}

TEST_CASE("same_value_across_reports: khoảng 1.000 agrees with 1.000; 1.500 contradicts it") {
  auto staff = [](const std::string& text, const std::string& needle, const char* value, qualifier q) {
    report r = make_report(text);
    fact& f = add(r, fact_kind::number, needle);
    f.amount_value.value = decimal::parse(value);
    f.amount_value.qual = q;
    f.amount_value.counted = "biên chế";
    return r;
  };
  report a = staff("Trong thời gian tới, Bộ Công an sẽ tăng thêm khoảng 1.000 biên chế cho công an tỉnh Quảng Ninh.",
                   "khoảng 1.000 biên chế", "1000", qualifier::about);
  report b = staff("Cũng theo Đại tướng Tô Lâm, Bộ Công an sẽ tăng thêm 1.000 biên chế cho Công an tỉnh.",
                   "1.000 biên chế", "1000", qualifier::exact);
  auto ok = run_rule("SAME_FIGURE_ACROSS_REPORTS.json", {&a, &b});
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].passed);
  CHECK(ok[0].locations.size() == 2);
  CHECK_THAT(ok[0].message, Catch::Contains("khoảng"));

  report c = staff("Bộ Công an sẽ tăng thêm khoảng 1.500 biên chế cho Công an tỉnh.", "khoảng 1.500 biên chế", "1500",
                   qualifier::about);
  auto bad = run_rule("SAME_FIGURE_ACROSS_REPORTS.json", {&a, &c});
  REQUIRE(bad.size() == 1);
  CHECK_FALSE(bad[0].passed);
  CHECK(bad[0].locations[0].document == 1);
  CHECK(bad[0].locations[0].text == "khoảng 1.500 biên chế");
  CHECK(bad[0].locations[1].document == 0);
}

TEST_CASE("same_value_across_reports: rounding and hedges tolerated, contradicted hedges not") {
  struct pair_case {
    const char* a_text;
    const char* a_needle;
    const char* a_value;
    qualifier a_q;
    const char* b_text;
    const char* b_needle;
    const char* b_value;
    qualifier b_q;
    bool agree;
  };
  const pair_case cases[] = {
      {"Dự án có tổng vốn đầu tư 1.048,8 tỷ đồng.", "1.048,8 tỷ đồng", "1048800000000", qualifier::exact,
       "Dự án có tổng vốn đầu tư 1.049 tỷ đồng.", "1.049 tỷ đồng", "1049000000000", qualifier::exact, true},
      {"Công trình có tổng mức đầu tư gần 800 tỷ đồng.", "gần 800 tỷ đồng", "800000000000", qualifier::under,
       "Công trình có tổng mức đầu tư 796 tỷ đồng.", "796 tỷ đồng", "796000000000", qualifier::exact, true},
      {"Gói hỗ trợ doanh nghiệp trị giá 2,3 ngàn tỷ đồng.", "2,3 ngàn tỷ đồng", "2300000000000", qualifier::exact,
       "Gói hỗ trợ doanh nghiệp trị giá 2.300 tỷ đồng.", "2.300 tỷ đồng", "2300000000000", qualifier::exact, true},
      {"Dự án có tổng vốn đầu tư hơn 1.500 tỷ đồng.", "hơn 1.500 tỷ đồng", "1500000000000", qualifier::over,
       "Dự án có tổng vốn đầu tư 1.200 tỷ đồng.", "1.200 tỷ đồng", "1200000000000", qualifier::exact, false},
      {"Dự án có tổng vốn đầu tư 1.000 tỷ đồng.", "1.000 tỷ đồng", "1000000000000", qualifier::exact,
       "Dự án có tổng vốn đầu tư 1.200 tỷ đồng.", "1.200 tỷ đồng", "1200000000000", qualifier::exact, false},
  };
  for (const auto& c : cases) {
    INFO(c.a_needle << " vs " << c.b_needle);
    report a = make_report(c.a_text);
    money(a, c.a_needle, c.a_value, c.a_q);
    report b = make_report(c.b_text);
    money(b, c.b_needle, c.b_value, c.b_q);
    auto out = run_rule("SAME_FIGURE_ACROSS_REPORTS.json", {&a, &b});
    REQUIRE(out.size() == 1);
    CHECK(out[0].passed == c.agree);
  }
}

TEST_CASE("same_value_across_reports: figures about different subjects are not compared") {
  report a = make_report("Dự án có tổng vốn đầu tư 1.000 tỷ đồng.");
  money(a, "1.000 tỷ đồng", "1000000000000");
  report b = make_report("Doanh thu du lịch của tỉnh năm qua đạt 1.200 tỷ đồng.");
  money(b, "1.200 tỷ đồng", "1200000000000");
  CHECK(run_rule("SAME_FIGURE_ACROSS_REPORTS.json", {&a, &b}).empty());
}

TEST_CASE("same_date_across_reports: 7-3 equals 7/3, 8/3 does not") {
  auto dated = [](const std::string& text, const std::string& needle, int day, int month) {
    report r = make_report(text);
    fact& f = add(r, fact_kind::date, needle);
    f.time_value.value = civil_time{std::nullopt, month, day, std::nullopt, std::nullopt, std::nullopt};
    return r;
  };
  report a = dated("Ngày 7-3, Đại tướng Tô Lâm làm việc với Tỉnh ủy Quảng Ninh.", "7-3", 7, 3);
  report b = dated("Ngày 7/3, tại thành phố Hạ Long, Đại tướng Tô Lâm làm việc.", "7/3", 7, 3);
  report c = dated("Ngày 8/3, tại thành phố Hạ Long, Đại tướng Tô Lâm làm việc.", "8/3", 8, 3);
  auto ok = run_rule("SAME_EVENT_DATE.json", {&a, &b});
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].passed);
  CHECK_THAT(ok[0].message, Catch::Contains("7/3"));
  auto bad = run_rule("SAME_EVENT_DATE.json", {&a, &b, &c});
  REQUIRE(bad.size() == 1);
  CHECK_FALSE(bad[0].passed);
  CHECK(bad[0].locations[0].document == 2);
  CHECK(bad[0].locations[0].text == "8/3");
  CHECK(bad[0].locations.size() == 3);
}

TEST_CASE("same_title_for_person: subsets agree; a different rank or a swapped post does not") {
  auto person = [](const std::string& text, const std::string& needle, std::vector<std::string> titles) {
    report r = make_report(text);
    fact& f = add(r, fact_kind::person, needle);
    f.person.name = "Tô Lâm";
    f.person.titles = std::move(titles);
    return r;
  };
  report a = person("Đại tướng Tô Lâm, Bộ trưởng Bộ Công an, làm việc với tỉnh.", "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an",
                    {"Đại tướng", "Bộ trưởng Bộ Công an"});
  report b = person("Bộ trưởng Công an Tô Lâm làm việc với tỉnh.", "Bộ trưởng Công an Tô Lâm", {"Bộ trưởng Công an"});
  auto ok = run_rule("SAME_TITLE_FOR_PERSON.json", {&a, &b});
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].passed);
  CHECK_THAT(ok[0].message, Catch::Contains("Tô Lâm"));

  report rank = person("Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, làm việc với tỉnh.",
                       "Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an", {"Thượng tướng", "Bộ trưởng Bộ Công an"});
  auto bad_rank = run_rule("SAME_TITLE_FOR_PERSON.json", {&a, &rank});
  REQUIRE(bad_rank.size() == 1);
  CHECK_FALSE(bad_rank[0].passed);
  CHECK(bad_rank[0].locations[0].document == 1);
  CHECK(bad_rank[0].locations[0].text == "Thượng tướng");
  CHECK_THAT(bad_rank[0].message, Catch::Contains("Quân hàm"));

  report post = person("Đại tướng Tô Lâm, Thứ trưởng Bộ Công an, làm việc với tỉnh.",
                       "Đại tướng Tô Lâm, Thứ trưởng Bộ Công an", {"Đại tướng", "Thứ trưởng Bộ Công an"});
  auto bad_post = run_rule("SAME_TITLE_FOR_PERSON.json", {&a, &post});
  REQUIRE(bad_post.size() == 1);
  CHECK_FALSE(bad_post[0].passed);
  CHECK(bad_post[0].locations[0].text == "Thứ trưởng Bộ Công an");
  CHECK_THAT(bad_post[0].message, Catch::Contains("Chức vụ"));

  // A deputy post of another organisation is not a swap.
  report other = person("Đại tướng Tô Lâm, Thứ trưởng Bộ Quốc phòng, làm việc với tỉnh.",
                        "Đại tướng Tô Lâm, Thứ trưởng Bộ Quốc phòng", {"Đại tướng", "Thứ trưởng Bộ Quốc phòng"});
  auto fine = run_rule("SAME_TITLE_FOR_PERSON.json", {&a, &other});
  CHECK(count(fine, false) == 0);
}
