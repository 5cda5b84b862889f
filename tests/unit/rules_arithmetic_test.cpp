// The in-report arithmetic and calendar kinds on our own sentences through the real pipeline: ratios,
// shares, shares of a whole, sums across sentences, ranges, fractions, anniversaries, weekdays and dates
// after publication. Each case checks the computed figure in the message, not only that something fired.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <doichieu/engine.hpp>
#include <doichieu/rules/rule_file.hpp>

using namespace doichieu;

namespace {

const engine& shared_engine() {
  static auto eng = engine::load({.data_dir = DOICHIEU_SOURCE_DIR, .disabled_rules = {}});
  if (!eng) FAIL("engine does not load: " << eng.error().describe());
  return **eng;
}

std::vector<finding> run_rule(const std::string& rule, const std::string& text,
                              std::optional<civil_time> published = std::nullopt) {
  auto rs = rules::load_rule_file(std::string(DOICHIEU_SOURCE_DIR) + "/rules/vi/" + rule + ".json");
  if (!rs) FAIL(rs.error().describe());
  auto x = shared_engine().extract({"r.txt", text, published});
  REQUIRE(x);
  std::vector<rules::report_view> views{{&x->doc, &x->facts}};
  return (*rs)->run(views);
}

std::size_t problems(const std::vector<finding>& fs) {
  return static_cast<std::size_t>(std::count_if(fs.begin(), fs.end(), [](const finding& f) { return !f.passed; }));
}
std::size_t passes(const std::vector<finding>& fs) {
  return static_cast<std::size_t>(std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.passed; }));
}
std::string messages(const std::vector<finding>& fs) {
  std::string s;
  for (const auto& f : fs) s += (f.passed ? "[ok] " : "[!!] ") + f.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("ratio_of_figures: gấp 3 lần is 300 / 100; gấp 4 lần is not") {
  auto ok = run_rule("RATIO_MATCHES_FIGURES", "Doanh thu đạt 300 tỉ đồng, gấp 3 lần năm trước (100 tỉ đồng).");
  INFO(messages(ok));
  CHECK(passes(ok) == 1);
  CHECK(problems(ok) == 0);
  auto bad = run_rule("RATIO_MATCHES_FIGURES", "Doanh thu đạt 300 tỉ đồng, gấp 4 lần năm trước (100 tỉ đồng).");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("= 3") != std::string::npos);
  CHECK(bad[0].locations.size() == 3);
}

TEST_CASE("share_of_total: 50 of 200 is 25 %, not 40 %") {
  auto bad = run_rule("SHARE_MATCHES_PARTS", "Trong tổng số 200 ca mắc, có 50 ca tử vong, chiếm 40%.");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("25") != std::string::npos);
  auto ok = run_rule("SHARE_MATCHES_PARTS", "Trong tổng số 200 ca mắc, có 50 ca tử vong, chiếm 25%.");
  CHECK(passes(ok) == 1);
  CHECK(problems(ok) == 0);
}

TEST_CASE("shares_sum_to_whole: 60 + 30 + 20 = 110 % is over; growth rates are not shares") {
  auto bad = run_rule("SHARES_ADD_TO_WHOLE", "Cơ cấu vốn gồm ngân sách chiếm 60%, doanh nghiệp chiếm 30%, người dân chiếm 20%.");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("110") != std::string::npos);
  CHECK(bad[0].locations.size() == 3);
  auto partial = run_rule("SHARES_ADD_TO_WHOLE", "Xuất khẩu tăng 12%, trong đó nông sản chiếm 40%, thủy sản chiếm 25%.");
  CHECK(problems(partial) == 0);
}

TEST_CASE("sum_equals_total in paragraph scope: a total broken down in the next sentence") {
  auto bad = run_rule("TOTAL_EQUALS_PARTS_ACROSS_SENTENCES",
                      "Tổng vốn đầu tư của tỉnh đạt 1.200 tỉ đồng. Trong đó, vốn trung ương 700 tỉ đồng, vốn địa phương 600 tỉ đồng.");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("1.300") != std::string::npos);
  auto other_paragraph = run_rule("TOTAL_EQUALS_PARTS_ACROSS_SENTENCES",
                                  "Tổng vốn đầu tư của tỉnh đạt 1.200 tỉ đồng.\nTrong đó, vốn trung ương 700 tỉ đồng, vốn địa phương 600 tỉ đồng.");
  CHECK(problems(other_paragraph) == 0);
}

TEST_CASE("range_order, fraction_not_over_one: swapped bounds and parts over the whole") {
  auto range = run_rule("RANGE_IN_ORDER", "Nhiệt độ dao động từ 30 đến 25 độ C, có nơi từ 20 đến 28 độ C.");
  INFO(messages(range));
  REQUIRE(problems(range) == 1);
  CHECK(range[0].locations[0].text.find("30 đến 25") != std::string::npos);
  auto frac = run_rule("FRACTION_NOT_OVER_ONE", "Tỉnh hoàn thành 17/19 chỉ tiêu, huyện hoàn thành 21/19 chỉ tiêu.");
  INFO(messages(frac));
  REQUIRE(problems(frac) == 1);
  CHECK(frac[0].locations[0].text.find("21/19") != std::string::npos);
}

TEST_CASE("anniversary_years: 2025 - 1945 = 80") {
  auto ok = run_rule("ANNIVERSARY_YEARS", "Kỷ niệm 80 năm Cách mạng Tháng Tám (19.8.1945 - 19.8.2025).");
  INFO(messages(ok));
  CHECK(passes(ok) == 1);
  auto bad = run_rule("ANNIVERSARY_YEARS", "Kỷ niệm 70 năm Cách mạng Tháng Tám (19.8.1945 - 19.8.2025).");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("80") != std::string::npos);
}

TEST_CASE("weekday_matches_date: 7/3/2024 was a Thursday; 29/2/2024 a Thursday too") {
  auto ok = run_rule("WEEKDAY_MATCHES_DATE", "Sáng thứ Năm, ngày 7/3/2024, hội nghị khai mạc.");
  INFO(messages(ok));
  CHECK(passes(ok) == 1);
  CHECK(problems(ok) == 0);
  auto leap = run_rule("WEEKDAY_MATCHES_DATE", "Chiều thứ 5, ngày 29/2/2024, đoàn về tới Hạ Long.");
  INFO(messages(leap));
  CHECK(problems(leap) == 0);
  auto bad = run_rule("WEEKDAY_MATCHES_DATE", "Sáng Chủ nhật, ngày 7/3/2024, hội nghị khai mạc.");
  INFO(messages(bad));
  REQUIRE(problems(bad) == 1);
  CHECK(bad[0].message.find("thứ năm") != std::string::npos);
}

TEST_CASE("date_not_after_publication: a later date needs a future word; no publication date, no check") {
  civil_time pub{2024, 3, 8, {}, {}, {}};
  auto bad = run_rule("EVENT_DATE_NOT_AFTER_PUBLICATION", "Ngày 10/5/2024, công trình khánh thành.", pub);
  INFO(messages(bad));
  CHECK(problems(bad) == 1);
  CHECK(problems(run_rule("EVENT_DATE_NOT_AFTER_PUBLICATION", "Ngày 10/5/2024, công trình dự kiến khánh thành.", pub)) == 0);
  CHECK(problems(run_rule("EVENT_DATE_NOT_AFTER_PUBLICATION", "Ngày 10/5/2024, công trình khánh thành.")) == 0);
}
