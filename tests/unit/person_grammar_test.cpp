// The person and docref grammars on real sentences: every person-with-title and every document
// reference of the seed reports, the three title orders, short references, and sentences that must
// stay silent. Parsers are called directly at every word start (the extractor's job in the engine).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doichieu/document.hpp>
#include <doichieu/grammars/grammars.hpp>

namespace {

using doichieu::fact;
using doichieu::grammars::lexicon;

const std::string lexicon_dir = std::string(DOICHIEU_SOURCE_DIR) + "/grammars/lexicon/vi";

const lexicon& test_lexicon() {
  static const lexicon lex = [] {
    lexicon l;
    auto person = doichieu::grammars::load_person_lexicon(lexicon_dir);
    auto docref = doichieu::grammars::load_docref_lexicon(lexicon_dir);
    if (!person) FAIL(person.error().describe());
    if (!docref) FAIL(docref.error().describe());
    l.person = *person;
    l.docref = *docref;
    return l;
  }();
  return lex;
}

bool word_start(const std::string& folded, std::size_t i) {
  if (i == 0) return true;
  const unsigned char prev = static_cast<unsigned char>(folded[i - 1]);
  const unsigned char here = static_cast<unsigned char>(folded[i]);
  if ((here & 0xC0) == 0x80) return false;  // inside a code point
  return prev < 0x80 && !std::isalnum(prev);
}

// Facts of one family, scanning like the extractor: at each word start, a match consumes its text.
template <class Parse>
std::vector<fact> scan(const std::string& text, Parse parse) {
  auto doc = doichieu::make_document("test", text);
  REQUIRE(doc);
  std::vector<fact> out;
  for (const auto& s : doc->sentences) {
    for (std::size_t i = s.begin; i < s.end; ++i) {
      if (!word_start(doc->folded, i)) continue;
      doichieu::grammars::parse_request req{*doc, i, s.end, test_lexicon()};
      auto got = parse(req);
      if (!got) continue;
      REQUIRE(got->end > i);
      if (got->value) out.push_back(*got->value);
      i = got->end - 1;
    }
  }
  return out;
}

std::vector<fact> persons(const std::string& text) { return scan(text, doichieu::grammars::parse_person); }
std::vector<fact> docrefs(const std::string& text) { return scan(text, doichieu::grammars::parse_docref); }

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(DOICHIEU_SHARED_DIR) + "/seeds/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using titles = std::vector<std::string>;

bool has_person(const std::vector<fact>& facts, const std::string& name, const titles& t) {
  for (const auto& f : facts)
    if (f.person.name == name && f.person.titles == t) return true;
  return false;
}

std::string describe(const std::vector<fact>& facts) {
  std::string out;
  for (const auto& f : facts) {
    out += "[" + f.person.name + " |";
    for (const auto& t : f.person.titles) out += " " + t + ";";
    out += "] ";
  }
  return out;
}

}  // namespace

TEST_CASE("titles before the name, with the organisation and its place inside the title") {
  auto f = persons("Phát biểu tại buổi làm việc, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký nêu rõ, công tác xây dựng.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Nguyễn Xuân Ký");
  CHECK(f[0].person.titles == titles{"Bí thư Tỉnh ủy Quảng Ninh"});

  f = persons("Tại buổi làm việc, Bộ trưởng Bộ Công an Tô Lâm nhấn mạnh Quảng Ninh là địa phương trọng yếu.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Tô Lâm");
  CHECK(f[0].person.titles == titles{"Bộ trưởng Bộ Công an"});
}

TEST_CASE("titles before and after the name make one person with every title in text order") {
  auto f = persons("Ngày 7/3, Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bí thư Đảng ủy Công an Trung ương, "
                   "Bộ trưởng Bộ Công an cùng đoàn công tác đã làm việc với tỉnh.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Tô Lâm");
  CHECK(f[0].person.titles == titles{"Đại tướng", "Ủy viên Bộ Chính trị", "Bí thư Đảng ủy Công an Trung ương",
                                     "Bộ trưởng Bộ Công an"});
  CHECK(f[0].nfc_end > f[0].nfc_begin);
}

TEST_CASE("name first, titles after it separated by commas, ending at a word that is not a title") {
  auto f = persons("Buổi làm việc có đồng chí Nguyễn Xuân Ký, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, "
                   "Chủ tịch HĐND tỉnh, cùng với các đồng chí trong Thường trực Tỉnh ủy.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Nguyễn Xuân Ký");
  CHECK(f[0].person.titles == titles{"Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"});

  // Without an honorific: the family-name table starts the name.
  f = persons("Trần Văn Nam, Phó Chủ tịch UBND tỉnh Bình Dương, cho biết dự án sẽ khởi công.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Trần Văn Nam");
  CHECK(f[0].person.titles == titles{"Phó Chủ tịch UBND tỉnh Bình Dương"});
}

TEST_CASE("a dash between the name and its title") {
  auto f = persons("Tại buổi làm việc, bà Nguyễn Hương Giang - Chủ tịch UBND tỉnh Bắc Ninh đã báo cáo kết quả.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Nguyễn Hương Giang");
  CHECK(f[0].person.titles == titles{"Chủ tịch UBND tỉnh Bắc Ninh"});
}

TEST_CASE("short references: honorific or title with the given name only") {
  auto f = persons("Theo bà Hương, Bắc Ninh cơ bản đáp ứng tiêu chí tỉnh công nghiệp.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Hương");
  CHECK(f[0].person.titles.empty());

  f = persons("Liên quan đến Đề án, Thứ trưởng Ngọc nhấn mạnh sáu vấn đề.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Ngọc");
  CHECK(f[0].person.titles == titles{"Thứ trưởng"});

  f = persons("Bộ trưởng Tô Lâm đề nghị Hải Phòng tiếp tục bám sát các mục tiêu.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Tô Lâm");
  CHECK(f[0].person.titles == titles{"Bộ trưởng"});
}

TEST_CASE("old tone placement and abbreviations are read like the modern spelling") {
  auto f = persons("Ông Lê Văn Hoà, Phó Chủ tịch Uỷ ban nhân dân tỉnh Khánh Hoà, phát biểu.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Lê Văn Hoà");
  CHECK(f[0].person.titles == titles{"Phó Chủ tịch Uỷ ban nhân dân tỉnh Khánh Hoà"});

  f = persons("Bí thư Thành uỷ Hải Phòng Trần Lưu Quang dự buổi làm việc.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].person.name == "Trần Lưu Quang");
  CHECK(f[0].person.titles == titles{"Bí thư Thành uỷ Hải Phòng"});
}

TEST_CASE("a list of persons: a title followed by a name opens the next person") {
  auto f = persons("Dự có Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang, Bí thư Tỉnh ủy Bắc Ninh Nguyễn Anh Tuấn "
                   "và lãnh đạo các sở.");
  INFO(describe(f));
  REQUIRE(f.size() == 2);
  CHECK(has_person(f, "Nguyễn Hương Giang", {"Chủ tịch UBND tỉnh Bắc Ninh"}));
  CHECK(has_person(f, "Nguyễn Anh Tuấn", {"Bí thư Tỉnh ủy Bắc Ninh"}));

  // A place before a title is not a name, even when it starts like a family name ("Hà").
  f = persons("Tại Hà Nội, Bộ trưởng Tô Lâm cho biết kế hoạch đã sẵn sàng.");
  INFO(describe(f));
  REQUIRE(f.size() == 1);
  CHECK(has_person(f, "Tô Lâm", {"Bộ trưởng"}));
}

TEST_CASE("titles without a capitalised name, and lower-case honorific uses, are not persons") {
  CHECK(persons("Đồng thời, Bộ trưởng đánh giá cao kết quả bước đầu thực hiện mô hình.").empty());
  CHECK(persons("Thứ trưởng Bộ Công an lưu ý, Hải Phòng cần chú trọng việc củng cố cấp xã.").empty());
  CHECK(persons("Các đồng chí trong Thường trực Tỉnh ủy, HĐND, UBND tỉnh cùng dự.").empty());
  CHECK(persons("Bà con nhân dân tỉnh Quảng Ninh phấn khởi đón nhận tin vui.").empty());
  CHECK(persons("Ban Thường vụ Tỉnh ủy Quảng Ninh đã quan tâm lãnh đạo, chỉ đạo.").empty());
  // A bare full name without title or honorific is not a person fact of ours.
  CHECK(persons("Nguyễn Văn An cho biết dự án sẽ hoàn thành trong năm nay.").empty());
}

TEST_CASE("every person with a title in the seed reports") {
  const auto s000 = persons(read_seed("000_fa97bfb238d95d6d.txt"));
  INFO(describe(s000));
  CHECK(has_person(s000, "Tô Lâm", {"Đại tướng", "Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s000, "Tô Lâm", {"Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s000, "Tô Lâm", {"Bộ trưởng"}));
  CHECK(has_person(s000, "Tô Lâm", {"Đại tướng"}));

  const auto s001 = persons(read_seed("001_29dc2b91875adff9.txt"));
  INFO(describe(s001));
  CHECK(has_person(s001, "Tô Lâm", {"Đại tướng", "Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s001, "Nguyễn Xuân Ký", {"Bí thư Tỉnh ủy Quảng Ninh"}));

  const auto s002 = persons(read_seed("002_35dce7f7d60d1207.txt"));
  INFO(describe(s002));
  CHECK(has_person(s002, "Tô Lâm", {"Đại tướng", "Ủy viên Bộ Chính trị", "Bí thư Đảng ủy Công an Trung ương",
                                    "Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s002, "Tô Lâm", {"Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s002, "Nguyễn Xuân Ký", {"Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"}));

  const auto s003 = persons(read_seed("003_03279662ad3bc2ee.txt"));
  INFO(describe(s003));
  CHECK(has_person(s003, "Tô Lâm", {"Đại tướng", "Ủy viên Bộ Chính trị", "Bí thư Đảng ủy Công an Trung ương",
                                    "Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s003, "Tô Lâm", {"Bộ trưởng Công an"}));
  CHECK(has_person(s003, "Tô Lâm", {"Bộ trưởng"}));
  CHECK(has_person(s003, "Nguyễn Duy Ngọc", {"Thượng tướng", "Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"}));
  CHECK(has_person(s003, "Ngọc", {"Thứ trưởng"}));

  const auto s004 = persons(read_seed("004_1d54c3eb8971bcba.txt"));
  INFO(describe(s004));
  CHECK(has_person(s004, "Nguyễn Hương Giang", {"Chủ tịch UBND tỉnh Bắc Ninh"}));
  CHECK(has_person(s004, "Hương", {}));
  CHECK(has_person(s004, "Tô Lâm", {"Bộ trưởng Bộ Công an"}));
  CHECK(has_person(s004, "Nguyễn Anh Tuấn", {"Bí thư Tỉnh ủy Bắc Ninh"}));

  // No person fact without a capitalised name: every name found starts with a capital letter.
  for (const auto* facts : {&s000, &s001, &s002, &s003, &s004})
    for (const auto& f : *facts) {
      CHECK_FALSE(f.person.name.empty());
      CHECK(f.person.name != "Bộ Công an");
    }
}

TEST_CASE("person triggers cover titles, honorifics and family names") {
  const auto patterns = doichieu::grammars::person_triggers(*test_lexicon().person);
  REQUIRE(patterns.size() == 2);
  CHECK(patterns[0].find("đại tướng") != std::string::npos);
  CHECK(patterns[0].find("bí thư") != std::string::npos);
  CHECK(patterns[0].find("đồng chí") != std::string::npos);
  CHECK(patterns[1].find("nguyễn") != std::string::npos);
}

namespace {
bool has_docref(const std::vector<fact>& facts, const std::string& doctype, const std::string& number,
                const std::string& issuer, const std::string& date_iso) {
  for (const auto& f : facts) {
    const auto& d = f.docref;
    const std::string iso = d.date ? doichieu::to_iso(*d.date) : "";
    if (d.doctype == doctype && d.number == number && d.issuer == issuer && iso == date_iso) return true;
  }
  return false;
}
std::string describe_docrefs(const std::vector<fact>& facts) {
  std::string out;
  for (const auto& f : facts)
    out += "[" + f.docref.doctype + " | " + f.docref.number + " | " + f.docref.issuer + " | " +
           (f.docref.date ? doichieu::to_iso(*f.docref.date) : "") + "] ";
  return out;
}
}  // namespace

TEST_CASE("document references with number, date and issuer") {
  auto f = docrefs("Cuộc làm việc tập trung vào việc thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ "
                   "Chính trị, Quyết định số 90-QĐ/TW ngày 6/12/2022 của Ban Bí thư Trung ương Đảng và Đề án 06 "
                   "của Chính phủ.");
  INFO(describe_docrefs(f));
  REQUIRE(f.size() == 3);
  CHECK(has_docref(f, "Nghị quyết", "12-NQ/TW", "Bộ Chính trị", "2022-03-16"));
  CHECK(has_docref(f, "Quyết định", "90-QĐ/TW", "Ban Bí thư Trung ương Đảng", "2022-12-06"));
  CHECK(has_docref(f, "Đề án", "06", "Chính phủ", ""));

  f = docrefs("Theo Nghị định 30/2020/NĐ-CP, văn bản phải có số và ký hiệu.");
  INFO(describe_docrefs(f));
  REQUIRE(f.size() == 1);
  CHECK(has_docref(f, "Nghị định", "30/2020/NĐ-CP", "", ""));

  f = docrefs("Luật số 59/2020/QH14 ban hành ngày 17 tháng 6 năm 2020; Chỉ thị số 26-CT/TW ngày 9 tháng 11 năm "
              "2018 của Bộ Chính trị.");
  INFO(describe_docrefs(f));
  CHECK(has_docref(f, "Luật", "59/2020/QH14", "", ""));
  CHECK(has_docref(f, "Chỉ thị", "26-CT/TW", "Bộ Chính trị", "2018-11-09"));
}

TEST_CASE("congress resolutions: doctype with the congress, the numeral as number") {
  auto f = docrefs("Hải Phòng bám sát Nghị quyết Đại hội XIII của Đảng, Nghị quyết số 45 ngày 24/1/2019 của Bộ "
                   "Chính trị về phát triển thành phố.");
  INFO(describe_docrefs(f));
  REQUIRE(f.size() == 2);
  CHECK(has_docref(f, "Nghị quyết Đại hội", "XIII", "Đảng", ""));
  CHECK(has_docref(f, "Nghị quyết", "45", "Bộ Chính trị", "2019-01-24"));

  f = docrefs("Quảng Ninh thực hiện Nghị quyết Đại hội XV Đảng bộ tỉnh.");
  INFO(describe_docrefs(f));
  REQUIRE(f.size() == 1);
  CHECK(has_docref(f, "Nghị quyết Đại hội", "XV", "Đảng bộ tỉnh", ""));
}

TEST_CASE("words that are not references") {
  CHECK(docrefs("Quảng Ninh đã cụ thể hóa các nghị quyết, kết luận, chỉ thị, quy chế của Trung ương.").empty());
  CHECK(docrefs("Tỉnh lập kế hoạch 5 năm cho giai đoạn tới.").empty());
  CHECK(docrefs("Hội đồng quyết định 3 nội dung quan trọng.").empty());
  // An impossible date is not taken as the issue date.
  auto f = docrefs("Nghị quyết số 12 ngày 35/13/2022 của Bộ Chính trị.");
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].docref.date.has_value());
  CHECK(f[0].docref.number == "12");
}

TEST_CASE("every document reference in the seed reports") {
  const auto s002 = docrefs(read_seed("002_35dce7f7d60d1207.txt"));
  INFO(describe_docrefs(s002));
  CHECK(has_docref(s002, "Nghị quyết", "12-NQ/TW", "Bộ Chính trị", "2022-03-16"));
  CHECK(has_docref(s002, "Quyết định", "90-QĐ/TW", "Ban Bí thư Trung ương Đảng", "2022-12-06"));
  CHECK(has_docref(s002, "Chỉ thị", "26-CT/TW", "Bộ Chính trị", "2018-11-09"));
  CHECK(has_docref(s002, "Đề án", "06", "Chính phủ", ""));
  CHECK(has_docref(s002, "Nghị quyết Đại hội", "XIII", "", ""));
  CHECK(has_docref(s002, "Nghị quyết Đại hội", "XV", "Đảng bộ tỉnh", ""));
  CHECK(has_docref(s002, "Nghị quyết Đại hội", "", "Đảng bộ tỉnh", ""));

  const auto s003 = docrefs(read_seed("003_03279662ad3bc2ee.txt"));
  INFO(describe_docrefs(s003));
  CHECK(has_docref(s003, "Nghị quyết Đại hội", "XIII", "Đảng", ""));
  CHECK(has_docref(s003, "Nghị quyết", "45", "Bộ Chính trị", "2019-01-24"));
  CHECK(has_docref(s003, "Nghị quyết", "12", "Bộ Chính trị", ""));
  CHECK(has_docref(s003, "Đề án", "06", "Chính phủ", ""));
  CHECK(has_docref(s003, "Đề án", "6", "Chính phủ", ""));

  const auto s004 = docrefs(read_seed("004_1d54c3eb8971bcba.txt"));
  INFO(describe_docrefs(s004));
  CHECK(has_docref(s004, "Nghị quyết", "12", "Bộ Chính trị", ""));
  CHECK(has_docref(s004, "Quyết định", "90", "Ban Bí thư", ""));
  CHECK(has_docref(s004, "Đề án", "06", "Chính phủ", ""));
  CHECK(has_docref(s004, "Nghị quyết", "87", "Ban Thường vụ Tỉnh ủy", ""));
}

TEST_CASE("docref triggers are the doctypes in every spelling") {
  const auto patterns = doichieu::grammars::docref_triggers(*test_lexicon().docref);
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].find("nghị quyết") != std::string::npos);
  CHECK(patterns[0].find("đề án") != std::string::npos);
}

TEST_CASE("a lexicon directory without the files is an error naming the file") {
  auto lex = doichieu::grammars::load_person_lexicon("/nonexistent-dir");
  REQUIRE_FALSE(lex);
  CHECK(lex.error().where.path.find("person_spelling.json") != std::string::npos);
}
