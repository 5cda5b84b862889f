// The temporal grammar on real sentences: dates of the seed reports, clock times, relative expressions
// resolved against the publication date, periods, and the places where digits are not a date.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/fact.hpp>
#include <doichieu/grammars/grammars.hpp>

using namespace doichieu;

namespace {

const grammars::lexicon& test_lexicon() {
  static const grammars::lexicon lex = [] {
    grammars::lexicon l;
    auto t = grammars::load_temporal_lexicon(std::string(DOICHIEU_SOURCE_DIR) + "/grammars/lexicon/vi");
    if (!t) FAIL(t.error().describe());
    l.temporal = *t;
    return l;
  }();
  return lex;
}

struct found {
  std::string text;  // the nfc text consumed
  std::optional<fact> value;
};

bool is_token_start(const std::string& s, std::size_t pos) {
  if (pos == 0) return true;
  const unsigned char c = static_cast<unsigned char>(s[pos - 1]);
  if (c < 0x80) return !std::isalnum(c);
  return false;  // after a multi-byte code point: Vietnamese letters, never a token start here
}

// Runs the temporal family at every token start, left to right, like the extractor does.
std::vector<found> scan(const std::string& text, std::optional<civil_time> published = std::nullopt) {
  auto doc = make_document("t.txt", text, published);
  REQUIRE(doc);
  std::vector<found> out;
  for (const auto& s : doc->sentences) {
    for (std::size_t pos = s.begin; pos < s.end;) {
      if ((static_cast<unsigned char>(doc->folded[pos]) & 0xC0) == 0x80 || !is_token_start(doc->folded, pos)) {
        ++pos;
        continue;
      }
      grammars::parse_request req{*doc, pos, s.end, test_lexicon()};
      auto r = grammars::parse_temporal(req);
      if (!r) {
        ++pos;
        continue;
      }
      REQUIRE(r->end > pos);
      REQUIRE(r->end <= s.end);
      out.push_back({doc->nfc.substr(pos, r->end - pos), r->value});
      pos = r->end;
    }
  }
  return out;
}

std::vector<found> facts_only(const std::vector<found>& all) {
  std::vector<found> out;
  for (const auto& f : all)
    if (f.value) out.push_back(f);
  return out;
}

civil_time day(int y, int m, int d) { return civil_time{y, m, d, std::nullopt, std::nullopt, std::nullopt}; }
civil_time at(int y, int m, int d, int h, int mi) { return civil_time{y, m, d, h, mi, 0}; }

std::string iso_value(const found& f) { return f.value && f.value->time_value.value ? to_iso(*f.value->time_value.value) : "-"; }
std::string iso_from(const found& f) { return f.value && f.value->time_value.from ? to_iso(*f.value->time_value.from) : "-"; }
std::string iso_to(const found& f) { return f.value && f.value->time_value.to ? to_iso(*f.value->time_value.to) : "-"; }

}  // namespace

TEST_CASE("to_iso writes only the known parts", "[temporal]") {
  CHECK(to_iso(day(2024, 3, 7)) == "2024-03-07");
  CHECK(to_iso(civil_time{2024, 3, {}, {}, {}, {}}) == "2024-03");
  CHECK(to_iso(civil_time{2030, {}, {}, {}, {}, {}}) == "2030");
  CHECK(to_iso(civil_time{{}, 3, 7, {}, {}, {}}) == "--03-07");
  CHECK(to_iso(at(2024, 3, 7, 14, 30)) == "2024-03-07T14:30:00");
  CHECK(to_iso(civil_time{{}, {}, {}, 9, 5, {}}) == "T09:05:00");
  CHECK(to_string(grain::quarter) == "quarter");
}

TEST_CASE("the lexicon loader names the file when the directory has no temporal data", "[temporal]") {
  auto bad = grammars::load_temporal_lexicon(std::string(DOICHIEU_SOURCE_DIR) + "/tests");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == error_kind::bad_lexicon);
  CHECK(bad.error().where.path.find("tests") != std::string::npos);
}

TEST_CASE("seed dates with and without a publication date", "[temporal][seeds]") {
  SECTION("Ngày 7-3 takes its year from the publication date") {
    auto f = facts_only(scan("(NLĐO)- Ngày 7-3, Đại tướng Tô Lâm làm việc với Ban Thường vụ Tỉnh ủy.", day(2024, 3, 8)));
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "Ngày 7-3");
    CHECK(f[0].value->kind == fact_kind::date);
    CHECK(iso_value(f[0]) == "2024-03-07");
    CHECK(f[0].value->time_value.precision == grain::day);
  }
  SECTION("without a publication date it stays yearless") {
    auto f = facts_only(scan("Ngày 7/3, tại thành phố Hạ Long, đoàn công tác làm việc với tỉnh."));
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "Ngày 7/3");
    CHECK(iso_value(f[0]) == "--03-07");
  }
  SECTION("a part of day before a date is an interval of hours on that day") {
    auto f = facts_only(scan("Trước đó, sáng 7-3, đoàn đã thăm Bộ Chỉ huy Quân sự tỉnh.", day(2024, 3, 8)));
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "sáng 7-3");
    CHECK(f[0].value->kind == fact_kind::time);
    CHECK(iso_from(f[0]) == "2024-03-07T04:00:00");
    CHECK(iso_to(f[0]) == "2024-03-07T12:00:00");
  }
  SECTION("the dates of document references") {
    auto f = facts_only(scan("Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị, Quyết định số 90-QĐ/TW ngày "
                             "6/12/2022 và Chỉ thị số 26-CT/TW ngày 9/11/2018; Quy định số 45 ngày 24/1/2019."));
    REQUIRE(f.size() == 4);
    CHECK(iso_value(f[0]) == "2022-03-16");
    CHECK(iso_value(f[1]) == "2022-12-06");
    CHECK(iso_value(f[2]) == "2018-11-09");
    CHECK(iso_value(f[3]) == "2019-01-24");
  }
  SECTION("an anniversary period in brackets is one interval") {
    auto f = facts_only(scan("Kỷ niệm 80 năm Ngày truyền thống Công an nhân dân (19.8.1945 - 19.8.2025)."));
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "19.8.1945 - 19.8.2025");
    CHECK(iso_from(f[0]) == "1945-08-19");
    CHECK(iso_to(f[0]) == "2025-08-19");
  }
  SECTION("terms of office and planning periods") {
    auto f = facts_only(scan("Từ đầu nhiệm kỳ 2020-2025 đến nay, quy hoạch tỉnh thời kỳ 2021-2030 đã được duyệt; "
                             "nhiệm kỳ 2020 - 2025 sắp kết thúc."));
    REQUIRE(f.size() == 3);
    CHECK(f[0].text == "nhiệm kỳ 2020-2025");
    CHECK(iso_from(f[0]) == "2020");
    CHECK(iso_to(f[0]) == "2025");
    CHECK(f[0].value->time_value.precision == grain::year);
    CHECK(f[1].text == "thời kỳ 2021-2030");
    CHECK(f[2].text == "nhiệm kỳ 2020 - 2025");
  }
  SECTION("years with năm") {
    auto f = facts_only(scan("Phấn đấu hoàn thành vào năm 2027, đến năm 2030 và tầm nhìn đến năm 2045."));
    REQUIRE(f.size() == 3);
    CHECK(iso_value(f[0]) == "2027");
    CHECK(iso_value(f[2]) == "2045");
    CHECK(f[2].value->time_value.precision == grain::year);
  }
}

TEST_CASE("digits that are not dates", "[temporal][negative]") {
  CHECK(facts_only(scan("Tỉnh đã hoàn thành 17/19 chỉ tiêu cơ bản.", day(2024, 3, 8))).empty());
  CHECK(facts_only(scan("Có 2/3 số đại biểu tán thành.", day(2024, 3, 8))).empty());
  CHECK(facts_only(scan("Giá trị tăng thêm khoảng 1.000 tỉ đồng, diện tích 27.78 ha.", day(2024, 3, 8))).empty());
  CHECK(facts_only(scan("Đại hội lần thứ hai của Hội được tổ chức trang trọng.", day(2024, 3, 8))).empty());
  CHECK(facts_only(scan("Trong những năm qua, tỉnh luôn chú trọng phát triển.", day(2024, 3, 8))).empty());
  CHECK(facts_only(scan("Dự án kéo dài 20-20 ngày.", day(2024, 3, 8))).empty());
  // "3 giờ" alone is a duration as often as a time of day: left to the numeric family.
  CHECK(scan("Cuộc họp kéo dài 3 giờ.", day(2024, 3, 8)).empty());
}

TEST_CASE("weekdays, clock times and relative expressions", "[temporal]") {
  SECTION("a weekday with a date in brackets") {
    auto f = facts_only(scan("Chiều thứ Năm (7/3), Bộ trưởng đã làm việc với tỉnh.", day(2024, 3, 9)));
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "Chiều thứ Năm (7/3)");
    CHECK(iso_from(f[0]) == "2024-03-07T12:00:00");
  }
  SECTION("clock times on the publication day") {
    auto f = facts_only(scan("Lúc 14h30, hội nghị bắt đầu; đến 16 giờ 15 phút thì bế mạc.", day(2024, 3, 8)));
    REQUIRE(f.size() == 2);
    CHECK(f[0].text == "Lúc 14h30");
    CHECK(iso_value(f[0]) == "2024-03-08T14:30:00");
    CHECK(f[0].value->time_value.precision == grain::minute);
    CHECK(iso_value(f[1]) == "2024-03-08T16:15:00");
  }
  SECTION("a part of day moves the hour") {
    auto f = facts_only(scan("Vào lúc 3 giờ chiều ngày 20/4/2017, buổi lễ diễn ra."));
    REQUIRE(f.size() == 1);
    CHECK(iso_value(f[0]) == "2017-04-20T15:00:00");
    CHECK(f[0].value->time_value.precision == grain::hour);
  }
  SECTION("relative days and weeks resolve against the publication date") {
    auto f = facts_only(scan("Hôm qua, tỉnh họp; tuần trước đoàn đã đến; 3 ngày tới sẽ có mưa.", day(2024, 3, 8)));
    REQUIRE(f.size() == 3);
    CHECK(iso_value(f[0]) == "2024-03-07");
    CHECK(iso_value(f[1]) == "2024-02-26");
    CHECK(f[1].value->time_value.precision == grain::week);
    CHECK(iso_from(f[2]) == "2024-03-09");
    CHECK(iso_to(f[2]) == "2024-03-12");
  }
  SECTION("relative expressions without a publication date are consumed without a fact") {
    auto all = scan("Hôm qua, tỉnh họp.");
    REQUIRE(all.size() == 1);
    CHECK(all[0].text == "Hôm qua");
    CHECK_FALSE(all[0].value);
  }
  SECTION("quarters and months with a year") {
    auto f = facts_only(scan("Trong quý I/2024 và tháng 3/2024, doanh thu tăng; quý 4 của năm 2018 giảm."));
    REQUIRE(f.size() == 3);
    CHECK(iso_value(f[0]) == "2024-01");
    CHECK(f[0].value->time_value.precision == grain::quarter);
    CHECK(iso_value(f[1]) == "2024-03");
    CHECK(f[1].value->time_value.precision == grain::month);
    CHECK(iso_value(f[2]) == "2018-10");
  }
  SECTION("written dates and ranges with từ ... đến") {
    auto f = facts_only(scan("Ngày 9 tháng 5 năm 2024, từ ngày 1 đến ngày 5/3/2024 và từ năm 2020 đến năm 2025."));
    REQUIRE(f.size() == 3);
    CHECK(iso_value(f[0]) == "2024-05-09");
    CHECK(iso_from(f[1]) == "2024-03-01");
    CHECK(iso_to(f[1]) == "2024-03-05");
    CHECK(iso_from(f[2]) == "2020");
    CHECK(iso_to(f[2]) == "2025");
  }
}

TEST_CASE("a yearless date takes the year nearest to the publication date", "[temporal]") {
  auto a = facts_only(scan("Ngày 12/10, tỉnh tổ chức hội nghị.", day(2024, 2, 2)));
  REQUIRE(a.size() == 1);
  CHECK(iso_value(a[0]) == "2023-10-12");
  auto b = facts_only(scan("Ngày 5/1, tỉnh sẽ tổ chức hội nghị.", day(2024, 12, 20)));
  REQUIRE(b.size() == 1);
  CHECK(iso_value(b[0]) == "2025-01-05");
  auto d = facts_only(scan("Trong tháng 1 vừa qua và tháng 3 tới, năm 2020-2025 là trọng tâm.", day(2024, 2, 2)));
  REQUIRE(d.size() == 3);
  CHECK(iso_value(d[0]) == "2024-01");
  CHECK(iso_value(d[1]) == "2024-03");
  CHECK(d[2].text == "năm 2020-2025");
  CHECK(iso_to(d[2]) == "2025");
  auto c = facts_only(scan("Ngày 29/2, tỉnh tổ chức hội nghị; ngày 31/4 không có.", day(2024, 3, 8)));
  REQUIRE(c.size() == 1);
  CHECK(iso_value(c[0]) == "2024-02-29");
}
