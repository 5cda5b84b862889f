// The text pipeline on real Vietnamese text: UTF-8 validation, NFC offset map, case folding, sentences,
// paragraphs, line/column and ISO times.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <doichieu/document.hpp>
#include <doichieu/text.hpp>

namespace fs = std::filesystem;
using namespace doichieu;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const sentence_splitter& data_splitter() {
  static const auto splitter =
      sentence_splitter::load(std::string(DOICHIEU_SOURCE_DIR) + "/grammars/lexicon/vi/abbreviations.json");
  if (!splitter) FAIL(splitter.error().describe());
  return **splitter;
}

std::vector<std::string> sentence_texts(const document& doc) {
  std::vector<std::string> out;
  for (const text_range& r : doc.sentences) out.push_back(doc.nfc.substr(r.begin, r.end - r.begin));
  return out;
}

fs::path seed(const std::string& prefix) {
  for (const auto& entry : fs::directory_iterator(fs::path(DOICHIEU_SHARED_DIR) / "seeds")) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return entry.path();
  }
  return {};
}

// Writes `text` to a fresh file under the temp directory and returns its path.
std::string temp_file(const std::string& name, const std::string& text) {
  const fs::path p = fs::temp_directory_path() / ("doichieu_text_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

void require_bad_utf8(const std::string& bytes, std::size_t byte, const std::string& why) {
  INFO("input of " << bytes.size() << " bytes, expecting byte " << byte << ": " << why);
  const status st = validate_utf8(bytes, "bai.txt");
  REQUIRE_FALSE(st);
  CHECK(st.error().kind == error_kind::invalid_utf8);
  REQUIRE(st.error().where.byte.has_value());
  CHECK(*st.error().where.byte == byte);
  CHECK(st.error().where.path == "bai.txt");
  CHECK_THAT(st.error().message, Catch::Contains(why));
  // make_document reports the same place.
  const auto doc = make_document("bai.txt", bytes);
  REQUIRE_FALSE(doc);
  CHECK(doc.error().kind == error_kind::invalid_utf8);
  CHECK(doc.error().where.byte == st.error().where.byte);
}

}  // namespace

TEST_CASE("validate_utf8 accepts Vietnamese text", "[utf8]") {
  CHECK(validate_utf8("Đại tướng Tô Lâm làm việc với Tỉnh ủy Quảng Ninh; tăng 1.000 biên chế."));
  CHECK(validate_utf8(""));
  CHECK(validate_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the largest code point
  CHECK(validate_utf8("\xEF\xBB\xBF" "Hà Nội"));  // a BOM is a valid character
}

TEST_CASE("validate_utf8 rejects ill-formed sequences at their first byte", "[utf8]") {
  require_bad_utf8("ab\xC0\xAF", 2, "overlong 2-byte encoding of U+002F");
  require_bad_utf8("Số \xE0\x80\xAF", 5, "overlong 3-byte encoding");
  require_bad_utf8("\xF0\x82\x82\xAC", 0, "overlong 4-byte encoding");
  require_bad_utf8("Hà \xED\xA0\x80 Nội", 4, "surrogate U+D800");
  require_bad_utf8("Việt\xE1\xBB", 6, "truncated 3-byte sequence at end of input");
  require_bad_utf8("Việt\xE1\xBB" "Nam", 6, "expected a continuation byte, got 0x4E");
  require_bad_utf8("a\x80" "b", 1, "unexpected continuation byte 0x80");
  require_bad_utf8("x\xF4\x90\x80\x80", 1, "code point U+110000 is above U+10FFFF");
  require_bad_utf8("\xF5\x80\x80\x80", 0, "above U+10FFFF");
  require_bad_utf8("ok\xFF", 2, "invalid byte 0xFF");
}

TEST_CASE("invalid UTF-8 error gives line and code-point column", "[utf8]") {
  const std::string text = "Tiêu đề\r\nxin chào\x80";
  const status st = validate_utf8(text, "bai.txt");
  REQUIRE_FALSE(st);
  CHECK(st.error().where.line == 2);
  CHECK(st.error().where.column == 9);
  CHECK(st.error().message ==
        "invalid UTF-8 at byte 22 (line 2, column 9): unexpected continuation byte 0x80");
}

TEST_CASE("NFD input maps spans back to the decomposed bytes", "[nfc]") {
  // "Quảng Ninh" with ả written as a + U+0309 COMBINING HOOK ABOVE, and ỉ as i + U+0309.
  const std::string decomposed_name = "Qua\xCC\x89ng Ninh";
  const std::string original = "Ti\xCC\x89nh " + decomposed_name + " ta\xCC\xA3i đây.";
  const auto doc = make_document("nfd.txt", original);
  REQUIRE(doc);
  CHECK_FALSE(doc->map.identity());
  CHECK(doc->nfc == "Tỉnh Quảng Ninh tại đây.");
  CHECK(doc->nfc != original);  // same length here: each letter is 3 bytes either way

  const std::size_t b = doc->nfc.find("Quảng Ninh");
  REQUIRE(b != std::string::npos);
  const span sp = doc->original_span(b, b + std::string("Quảng Ninh").size());
  CHECK(original.substr(sp.start, sp.end - sp.start) == decomposed_name);
  CHECK(sp.line == 1);
  CHECK(sp.column == 7);  // after T, i, U+0309, n, h, space: columns count the original code points

  // A span that starts inside the composed letter covers the whole decomposed letter.
  const std::size_t inside = doc->nfc.find("ảng");
  const span letter = doc->original_span(inside, inside + std::string("ả").size());
  CHECK(original.substr(letter.start, letter.end - letter.start) == "a\xCC\x89");
  // Unchanged text after changes maps byte for byte.
  const std::size_t here = doc->nfc.find("đây");
  const span tail = doc->original_span(here, here + std::string("đây").size());
  CHECK(original.substr(tail.start, tail.end - tail.start) == "đây");
}

TEST_CASE("NFC input has an identity map", "[nfc]") {
  const auto doc = make_document("nfc.txt", "Tỉnh Quảng Ninh");
  REQUIRE(doc);
  CHECK(doc->map.identity());
  CHECK(doc->nfc == doc->original);
  const std::size_t b = doc->nfc.find("Quảng");
  const span sp = doc->original_span(b, b + std::string("Quảng").size());
  CHECK(doc->original.substr(sp.start, sp.end - sp.start) == "Quảng");
}

TEST_CASE("folded text is lower case with the same offsets", "[fold]") {
  const auto doc = make_document("fold.txt", "TRIỆU ĐỒNG, Đại tướng TÔ LÂM");
  REQUIRE(doc);
  CHECK(doc->folded.size() == doc->nfc.size());
  CHECK(doc->folded == "triệu đồng, đại tướng tô lâm");
  CHECK(fold_case("TRIỆU") == "triệu");
  CHECK(fold_case("Đại") == "đại");
  // U+212A KELVIN SIGN folds to ASCII "k", a different length, so it is kept.
  CHECK(fold_case("5 \xE2\x84\xAA") == "5 \xE2\x84\xAA");
  CHECK(fold_case("ẢNH") == "ảnh");
}

TEST_CASE("an abbreviation does not end the sentence", "[sentences]") {
  const std::string text =
      "Ông được bổ nhiệm làm Giám đốc Sở Y tế TP. Hồ Chí Minh. Ông nhận nhiệm vụ từ ngày 1/3.";
  const std::vector<std::string> expected = {
      "Ông được bổ nhiệm làm Giám đốc Sở Y tế TP. Hồ Chí Minh. ", "Ông nhận nhiệm vụ từ ngày 1/3."};
  const auto with_data = make_document("a.txt", text, std::nullopt, data_splitter());
  REQUIRE(with_data);
  CHECK(sentence_texts(*with_data) == expected);
  const auto built_in = make_document("a.txt", text);
  REQUIRE(built_in);
  CHECK(sentence_texts(*built_in) == expected);
}

TEST_CASE("abbreviations only count at the start of a word", "[sentences]") {
  // "TT." is listed (thị trấn) but "ANTT." ends a sentence; "PGS." still works next to "PGS.TS.".
  const auto doc = make_document(
      "b.txt", "Không để xảy ra điểm nóng về ANTT. Theo PGS.TS. Nguyễn Văn Hùng, tình hình ổn định. "
               "PGS. Lê Thị Hoa đồng ý. Ông ở TT. Đông Anh.",
      std::nullopt, data_splitter());
  REQUIRE(doc);
  CHECK(sentence_texts(*doc) == std::vector<std::string>{
                                    "Không để xảy ra điểm nóng về ANTT. ",
                                    "Theo PGS.TS. Nguyễn Văn Hùng, tình hình ổn định. ",
                                    "PGS. Lê Thị Hoa đồng ý. ",
                                    "Ông ở TT. Đông Anh.",
                                });
}

TEST_CASE("a single letter after a person word is an initial that may end a sentence", "[sentences]") {
  const auto doc = make_document(
      "d.txt", "Hắn sang nhà chị H. Đến nơi, thấy cửa khóa. Hạt Kiểm lâm H. Phù Cát đã lập biên bản.",
      std::nullopt, data_splitter());
  REQUIRE(doc);
  CHECK(sentence_texts(*doc) == std::vector<std::string>{
                                    "Hắn sang nhà chị H. ",
                                    "Đến nơi, thấy cửa khóa. ",
                                    "Hạt Kiểm lâm H. Phù Cát đã lập biên bản.",
                                });
  // Without the person words from data, "H." is only an abbreviation (huyện).
  const auto bare = sentence_splitter::from_abbreviations({"H."});
  REQUIRE(bare);
  CHECK((*bare)->split(doc->nfc).size() == 2);
}

TEST_CASE("sentences of a real seed report", "[sentences]") {
  const fs::path path = seed("000_");
  REQUIRE_FALSE(path.empty());
  const auto doc = make_document(path.string(), read_file(path), std::nullopt, data_splitter());
  REQUIRE(doc);
  REQUIRE(doc->sentences.size() >= 15);
  // The sentences cover the text in order, without gaps.
  CHECK(doc->sentences.front().begin == 0);
  CHECK(doc->sentences.back().end == doc->nfc.size());
  for (std::size_t i = 1; i < doc->sentences.size(); ++i) {
    CHECK(doc->sentences[i].begin == doc->sentences[i - 1].end);
  }
  const auto texts = sentence_texts(*doc);
  const auto starts_with = [&](const std::string& prefix) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
  };
  CHECK(starts_with("Những năm qua, Đảng ủy Công an Trung ương"));
  CHECK(starts_with("Tuyệt đối không để xảy ra các vụ việc phá hoại"));
  CHECK(starts_with("Đây là công trình cấp II"));
  // Numbers with periods ("27.781 m2", "19.8.1945") do not end sentences.
  CHECK(std::find(texts.begin(), texts.end(),
                  "Đây là công trình cấp II với tổng diện tích sử dụng 27.781 m2, diện tích sàn xây dựng 41.284 m2. ") !=
        texts.end());
  const std::size_t at = doc->nfc.find("19.8.1945");
  REQUIRE(at != std::string::npos);
  const text_range s = doc->sentences[doc->sentence_at(at)];
  CHECK(doc->nfc.substr(s.begin, s.end - s.begin).rfind("Công trình được khởi công và dự kiến hoàn thành", 0) == 0);
  // One line, so one paragraph.
  CHECK(doc->paragraphs.size() == 1);
}

TEST_CASE("line breaks end sentences and paragraphs", "[sentences]") {
  const std::string text =
      "Tăng 1.000 biên chế cho công an tỉnh Quảng Ninh\n\nNgày 7-3, Đại tướng Tô Lâm làm việc với tỉnh. Ông "
      "nhấn mạnh vai trò của TP.\nHạ Long\r\n";
  const auto doc = make_document("c.txt", text, std::nullopt, data_splitter());
  REQUIRE(doc);
  CHECK(sentence_texts(*doc) == std::vector<std::string>{
                                    "Tăng 1.000 biên chế cho công an tỉnh Quảng Ninh\n",
                                    "Ngày 7-3, Đại tướng Tô Lâm làm việc với tỉnh. ",
                                    "Ông nhấn mạnh vai trò của TP.\n",
                                    "Hạ Long\r\n",
                                });
  REQUIRE(doc->paragraphs.size() == 3);
  const text_range p1 = doc->paragraphs[1];
  CHECK(doc->nfc.substr(p1.begin, p1.end - p1.begin) ==
        "Ngày 7-3, Đại tướng Tô Lâm làm việc với tỉnh. Ông nhấn mạnh vai trò của TP.");
  CHECK(doc->paragraph_at(doc->nfc.find("Ông nhấn")) == 1);
  CHECK(doc->paragraph_at(doc->nfc.find("Hạ Long")) == 2);
  CHECK(doc->sentence_at(doc->nfc.find("Ông nhấn")) == 2);
  CHECK(doc->sentence_at(0) == 0);
}

TEST_CASE("line and column on CRLF text count code points", "[lines]") {
  const std::string text = "Dòng một\r\nĐà Nẵng có mưa\r\rHết";
  const auto doc = make_document("crlf.txt", text);
  REQUIRE(doc);
  // "Dòng một" is 11 bytes; CRLF ends line 1, the first CR alone ends line 2, the second line 3.
  const std::size_t line2 = 13;
  CHECK(doc->line_starts == std::vector<std::size_t>{0, line2, text.find("\r\r") + 1, text.find("Hết")});
  const span rain = doc->locate(text.find("mưa"));
  CHECK(rain.line == 2);
  CHECK(rain.column == 12);
  const span end_word = doc->locate(text.find("Hết"));
  CHECK(end_word.line == 4);
  CHECK(end_word.column == 1);
  const span first = doc->locate(text.find("một"));
  CHECK(first.line == 1);
  CHECK(first.column == 6);
  const span sp = doc->original_span(doc->nfc.find("Nẵng"), doc->nfc.find("Nẵng") + std::string("Nẵng").size());
  CHECK(sp.line == 2);
  CHECK(sp.column == 4);
  CHECK(text.substr(sp.start, sp.end - sp.start) == "Nẵng");
}

TEST_CASE("empty input is an empty document", "[document]") {
  const auto doc = make_document("empty.txt", "");
  REQUIRE(doc);
  CHECK(doc->nfc.empty());
  CHECK(doc->folded.empty());
  CHECK(doc->sentences.empty());
  CHECK(doc->paragraphs.empty());
  CHECK(doc->line_starts == std::vector<std::size_t>{0});
  CHECK(doc->map.identity());
  CHECK(doc->sentence_at(0) == 0);
  const span sp = doc->locate(0);
  CHECK(sp.line == 1);
  CHECK(sp.column == 1);
}

TEST_CASE("a NUL byte makes the input binary", "[document]") {
  const std::string text = std::string("Hà Nội\nngày 7") + '\0' + "3";
  const auto doc = make_document("bin.dat", text);
  REQUIRE_FALSE(doc);
  CHECK(doc.error().kind == error_kind::binary_input);
  REQUIRE(doc.error().where.byte.has_value());
  CHECK(*doc.error().where.byte == text.find('\0'));
  CHECK(doc.error().where.line == 2);
  CHECK(doc.error().where.column == 7);
  CHECK(doc.error().where.path == "bin.dat");
}

TEST_CASE("published date is kept", "[document]") {
  const auto doc = make_document("p.txt", "Ngày 7-3.", parse_iso_time("2024-03-07"));
  REQUIRE(doc);
  REQUIRE(doc->published);
  CHECK(doc->published->day == 7);
}

TEST_CASE("parse_iso_time", "[time]") {
  const auto d = parse_iso_time("2024-03-07");
  REQUIRE(d);
  CHECK(d->year == 2024);
  CHECK(d->month == 3);
  CHECK(d->day == 7);
  CHECK_FALSE(d->hour.has_value());

  const auto hm = parse_iso_time("2024-03-07T10:00");
  REQUIRE(hm);
  CHECK(hm->hour == 10);
  CHECK(hm->minute == 0);
  CHECK_FALSE(hm->second.has_value());

  const auto hms = parse_iso_time("2024-03-07T10:00:05");
  REQUIRE(hms);
  CHECK(hms->second == 5);

  const auto zoned = parse_iso_time("2013-02-12T04:30:00-02:00");
  REQUIRE(zoned);
  CHECK(zoned->year == 2013);
  CHECK(zoned->month == 2);
  CHECK(zoned->day == 12);
  CHECK(zoned->hour == 4);  // the zone is ignored, not applied
  CHECK(zoned->minute == 30);

  const auto spaced = parse_iso_time("2024-03-07 10:00:00");
  REQUIRE(spaced);
  CHECK(spaced->hour == 10);
  CHECK(parse_iso_time("2024-03-07T10:00:00Z"));
  CHECK(parse_iso_time("2024-03-07T10:00:00.250+07:00"));
  CHECK(parse_iso_time("2024-02-29"));

  for (const char* junk : {"", "ngày 7-3", "2024-3-7", "2024-13-01", "2023-02-29", "2024-03-07T25:00",
                           "2024-03-07T10", "2024-03-07T10:00:00+", "2024-03-07x", "07/03/2024"}) {
    INFO(junk);
    CHECK_FALSE(parse_iso_time(junk));
  }
}

TEST_CASE("sentence_splitter::load reports bad data files", "[splitter]") {
  const auto missing = sentence_splitter::load("/nonexistent/abbreviations.json");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == error_kind::io);

  const auto malformed = sentence_splitter::load(temp_file("bad.json", "{\n  \"abbreviations\": [\"TP.\",]\n}\n"));
  REQUIRE_FALSE(malformed);
  CHECK(malformed.error().kind == error_kind::bad_lexicon);
  CHECK(malformed.error().where.line == 2);

  const auto unknown = sentence_splitter::load(temp_file("key.json", "{\"abbreviations\": [], \"abbrev\": []}"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == error_kind::bad_lexicon);
  CHECK_THAT(unknown.error().message, Catch::Contains("allowed keys"));

  const auto two_words =
      sentence_splitter::load(temp_file("words.json", "{\"abbreviations\": [\"H.\"], \"initial_words\": [\"đối tượng\"]}"));
  REQUIRE_FALSE(two_words);
  CHECK(two_words.error().kind == error_kind::bad_lexicon);

  const auto no_period = sentence_splitter::load(temp_file("entry.json", "{\n\"abbreviations\": [\"TP.\",\n \"Th.S\"]}"));
  REQUIRE_FALSE(no_period);
  CHECK(no_period.error().kind == error_kind::bad_lexicon);
  CHECK(no_period.error().where.line == 3);
  CHECK_THAT(no_period.error().message, Catch::Contains("Th.S"));

  CHECK(data_splitter().abbreviations().size() > 10);
}

TEST_CASE("split is safe from several threads", "[splitter]") {
  const fs::path path = seed("002_");
  REQUIRE_FALSE(path.empty());
  const auto doc = make_document(path.string(), read_file(path), std::nullopt, data_splitter());
  REQUIRE(doc);
  const std::vector<text_range> expected = doc->sentences;
  REQUIRE(expected.size() > 10);
  std::vector<std::vector<text_range>> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got) {
    threads.emplace_back([&g, &doc] {
      for (int k = 0; k < 20; ++k) g = data_splitter().split(doc->nfc);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == expected.size());
    for (std::size_t i = 0; i < g.size(); ++i) {
      CHECK(g[i].begin == expected[i].begin);
      CHECK(g[i].end == expected[i].end);
    }
  }
}
