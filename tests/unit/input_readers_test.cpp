// Readers: extracted text and the map back to the original bytes for Markdown (md4c) and HTML (gumbo),
// JSON Lines articles, suppressions, globs and directory expansion.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <doichieu/input.hpp>

namespace in = doichieu::input;

namespace {
// The original bytes a text range maps back to.
std::string back(const in::source& s, std::string_view needle) {
  std::size_t at = s.text.find(needle);
  REQUIRE(at != std::string::npos);
  std::size_t b = s.map.to_original_start(at), e = s.map.to_original_end(at + needle.size());
  return s.original.substr(b, e - b);
}
}  // namespace

TEST_CASE("Markdown: markup, code blocks and code spans are left out; spans map back into the file") {
  const std::string md =
      "# Cầu **Rạch Sỏi**\n\n*Sáng 12/5*, tổng mức đầu tư **420 tỉ đồng**, trong đó\nngân sách 300 tỉ&nbsp;đồng.\n\n"
      "```\ntổng 999 tỉ đồng\n```\n\nMã `123 tỉ` không tính. [Xem](https://example.org) &amp; hết.\n";
  auto s = in::read_source("a.md", md);
  REQUIRE(s);
  CHECK(s->format == in::source_format::markdown);
  CHECK(s->text.find("999") == std::string::npos);  // fenced code
  CHECK(s->text.find("123") == std::string::npos);  // code span
  CHECK(s->text.find("**") == std::string::npos);
  CHECK(s->text.find("https://") == std::string::npos);
  CHECK(s->text.find("Cầu Rạch Sỏi\n\n") == 0);
  // A soft line break stays inside the sentence as a space.
  CHECK(s->text.find("trong đó ngân sách") != std::string::npos);
  CHECK(back(*s, "420 tỉ đồng") == "420 tỉ đồng");
  CHECK(back(*s, "tổng mức đầu tư 420") == "tổng mức đầu tư **420");
  // An entity maps onto the whole entity.
  CHECK(back(*s, "300 tỉ\xC2\xA0đồng") == "300 tỉ&nbsp;đồng");
  CHECK(back(*s, "& hết") == "&amp; hết");
}

TEST_CASE("HTML: body text only, script/style/pre/code skipped, entities and white space mapped") {
  const std::string html =
      "<!DOCTYPE html><html><head><title>T 5 tỉ</title><script>var a='7 tỉ đồng';</script>"
      "<style>p{}</style></head>\r\n<body><h1>Tin &quot;nóng&quot;</h1>\r\n<p>Tổng vốn   420 tỉ\r\n  đồng,"
      " gồm <b>300&#32;tỉ</b> đồng.</p><pre>9 tỉ</pre><p>Xã H&agrave; <code>x=1</code>An</p></body></html>";
  auto s = in::read_source("b.html", html);
  REQUIRE(s);
  CHECK(s->format == in::source_format::html);
  CHECK(s->text.find("7 tỉ") == std::string::npos);
  CHECK(s->text.find("5 tỉ") == std::string::npos);
  CHECK(s->text.find("9 tỉ") == std::string::npos);
  CHECK(s->text.find("x=1") == std::string::npos);
  CHECK(s->text.find("Tin \"nóng\"\n\nTổng vốn 420 tỉ đồng, gồm 300 tỉ đồng.") != std::string::npos);
  CHECK(back(*s, "420 tỉ đồng") == "420 tỉ\r\n  đồng");
  CHECK(back(*s, "\"nóng\"") == "&quot;nóng&quot;");
  CHECK(back(*s, "300 tỉ") == "300&#32;tỉ");
  CHECK(back(*s, "Xã Hà") == "Xã H&agrave;");
}

TEST_CASE("plain text maps to itself; errors name the original line and column") {
  auto s = in::read_source("c.txt", "Ngày 7/3.\n");
  REQUIRE(s);
  CHECK(s->map.identity());
  CHECK(s->text == s->original);
  auto bad = in::read_source("d.md", std::string("# Tiêu đề\n\nxin \xC3\x28 chào"));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == doichieu::error_kind::invalid_utf8);
  CHECK(bad.error().where.path == "d.md");
  CHECK(bad.error().where.line == 3);
  CHECK(bad.error().where.column == 5);
}

TEST_CASE("suppression comments: regions, next line, reasons required, code ignored") {
  const std::string md =
      "Dòng một.\n<!-- doichieu-disable-next-line TOTAL_EQUALS_PARTS: số liệu đã xác minh -->\nDòng ba 420 tỉ.\n"
      "<!-- doichieu-disable SAME_FIGURE_ACROSS_REPORTS, SAME_EVENT_DATE: bản nháp -->\nDòng năm.\n"
      "<!-- doichieu-enable SAME_FIGURE_ACROSS_REPORTS -->\nDòng bảy.\n\n```\n<!-- doichieu-disable X: trong mã -->\n```\n";
  auto s = in::read_source("e.md", md);
  REQUIRE(s);
  REQUIRE(s->suppressions.size() == 3);
  const auto& next = s->suppressions[0];
  CHECK(next.rule == "TOTAL_EQUALS_PARTS");
  CHECK(next.next_line);
  CHECK(next.reason == "số liệu đã xác minh");
  CHECK(md.substr(next.begin, next.end - next.begin) == "Dòng ba 420 tỉ.\n");
  const auto& region = s->suppressions[1];
  CHECK(region.rule == "SAME_FIGURE_ACROSS_REPORTS");
  CHECK(md.substr(region.begin, region.end - region.begin).find("Dòng năm.") != std::string::npos);
  CHECK(md.substr(region.begin, region.end - region.begin).find("Dòng bảy") == std::string::npos);
  CHECK(s->suppressions[2].rule == "SAME_EVENT_DATE");
  CHECK(s->suppressions[2].end == md.size());  // never enabled again: to the end

  auto no_reason = in::read_source("f.html", "<p>a</p>\n<!-- doichieu-disable TOTAL_EQUALS_PARTS -->");
  REQUIRE_FALSE(no_reason);
  CHECK(no_reason.error().kind == doichieu::error_kind::bad_config);
  CHECK(no_reason.error().where.line == 2);
  CHECK(no_reason.error().message.find("reason") != std::string::npos);
  auto typo = in::read_source("g.md", "<!-- doichieu-disabel X: y -->");
  REQUIRE_FALSE(typo);
  CHECK(typo.error().message.find("allowed: doichieu-disable") != std::string::npos);
}

TEST_CASE("apply_suppressions removes only the named rule inside the region") {
  auto s = in::read_source("h.md", "A.\n<!-- doichieu-disable-next-line R_ONE: lý do -->\nB 420.\nC 420.\n");
  REQUIRE(s);
  doichieu::check_report rep;
  rep.reports.resize(1);
  auto at = [&](std::string rule, std::string_view needle, std::size_t from = 0) {
    doichieu::finding f;
    f.rule = std::move(rule);
    doichieu::location l;
    l.where.start = s->original.find(needle, from);
    l.where.end = l.where.start + needle.size();
    f.locations.push_back(l);
    return f;
  };
  rep.findings = {at("R_ONE", "B 420"), at("R_TWO", "B 420"), at("R_ONE", "C 420")};
  auto silenced = in::apply_suppressions(rep, {&*s});
  REQUIRE(silenced.size() == 1);
  CHECK(silenced[0].silenced.rule == "R_ONE");
  CHECK(silenced[0].by.reason == "lý do");
  REQUIRE(rep.findings.size() == 2);
  CHECK(rep.findings[0].rule == "R_TWO");
  CHECK(rep.findings[1].rule == "R_ONE");
}

TEST_CASE("JSON Lines articles: text or html, events, dates; errors name the line") {
  const std::string jsonl =
      "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Ngày 7/3.\",\"event\":\"e1\",\"published\":\"2024-03-07\"}\n\n"
      "{\"id\":2,\"html\":\"<p>Tổng &amp; 5 tỉ</p>\",\"source\":\"Báo X\"}\n";
  auto v = in::read_jsonl("x.jsonl", jsonl);
  REQUIRE(v);
  REQUIRE(v->size() == 2);
  CHECK((*v)[0].path == "x.jsonl#a1");
  CHECK((*v)[0].event == "e1");
  CHECK((*v)[0].published->year == 2024);
  CHECK((*v)[1].path == "x.jsonl#2");
  CHECK((*v)[1].format == in::source_format::html);
  CHECK((*v)[1].text == "Tổng & 5 tỉ\n\n");
  CHECK((*v)[1].outlet == "Báo X");
  auto bad = in::read_jsonl("y.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"txt\":\"x\"}\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().where.line == 2);
  CHECK(bad.error().message.find("allowed: id, title, text, html") != std::string::npos);
  auto both = in::read_jsonl("z.jsonl", "{\"text\":\"a\",\"html\":\"b\"}");
  REQUIRE_FALSE(both);
  auto date = in::read_jsonl("w.jsonl", "{\"text\":\"a\",\"published\":\"hôm qua\"}");
  REQUIRE_FALSE(date);
  CHECK(date.error().message.find("ISO") != std::string::npos);
}

TEST_CASE("globs and directory expansion") {
  CHECK(in::glob_match("**/*.md", "a/b/c.md"));
  CHECK(in::glob_match("**/*.md", "c.md"));
  CHECK_FALSE(in::glob_match("*.md", "a/c.md"));
  CHECK(in::glob_match("drafts/**", "drafts/x/y.txt"));
  CHECK_FALSE(in::glob_match("drafts/**", "final/x.txt"));
  CHECK(in::glob_match("bao-?.txt", "bao-a.txt"));

  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / ("doichieu-expand-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub" / "drafts");
  fs::create_directories(dir / ".git");
  for (auto p : {"b.txt", "a.md", "sub/c.html", "sub/drafts/d.txt", "e.pdf", ".git/f.txt", "sub/g.jsonl"})
    std::ofstream(dir / p) << "x";
  auto ex = in::expand_inputs({dir.string()}, {}, {"**/drafts/**"});
  REQUIRE(ex);
  std::vector<std::string> names;
  for (const auto& f : ex->files) names.push_back(fs::relative(f, dir).generic_string());
  CHECK(names == std::vector<std::string>{"a.md", "b.txt", "sub/c.html", "sub/g.jsonl"});
  std::string skipped;
  for (const auto& [p, why] : ex->skipped) skipped += fs::relative(p, dir).generic_string() + ": " + why + "\n";
  CHECK(skipped.find("e.pdf: extension") != std::string::npos);
  CHECK(skipped.find("sub/drafts/d.txt: matches an exclude glob") != std::string::npos);
  CHECK(skipped.find(".git: hidden directory") != std::string::npos);
  auto missing = in::expand_inputs({(dir / "nope.txt").string()}, {}, {});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().where.path.find("nope.txt") != std::string::npos);
  fs::remove_all(dir);
}
