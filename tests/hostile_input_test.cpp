// Hostile input through the built CLI: unusable input is exit 2 with a message naming where and why; nothing
// crashes and nothing hangs (every run has a time limit, and a killed run fails the test as status 124).
// The inputs that the fuzzers once crashed on (tests/fuzz_regressions/<target>/*) are replayed here too.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli_support.hpp"

using doichieu::testing::read_file;
using doichieu::testing::scratch_dir;
using doichieu::testing::seed;
using doichieu::testing::shell_quote;
using doichieu::testing::write_file;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// run_cli with a time limit: `timeout` exits 124 when it has to kill a hung run; a signal gives -1.
doichieu::testing::run_result run_limited(const std::string& args, const std::string& stdin_bytes = {},
                                          int seconds = 60) {
  auto dir = scratch_dir("hostile-run");
  auto in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  write_file(in, stdin_bytes);
  std::string cmd = "timeout " + std::to_string(seconds) + " " + std::string(DOICHIEU_CLI) + " " + args + " <" +
                    shell_quote(in.string()) + " >" + shell_quote(out.string()) + " 2>" +
                    shell_quote(err.string());
  int raw = std::system(cmd.c_str());
  doichieu::testing::run_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove_all(dir);
  return r;
}

struct bad_utf8 {
  const char* name;
  std::string bytes;
  std::size_t bad_byte;  // offset the error must name
  const char* why;       // part of the message
};

}  // namespace

TEST_CASE("invalid UTF-8 of every kind is exit 2 naming the first bad byte") {
  const std::string lead = "Ngày 5/3 có 12 người ";  // 23 bytes of valid Vietnamese first
  const std::vector<bad_utf8> cases = {
      {"stray 0xFF", lead + "\xFF" + " tiếp", lead.size(), "0xFF"},
      {"lone continuation byte", lead + "\x80" + "x", lead.size(), "0x80"},
      {"overlong slash", lead + "\xC0\xAF", lead.size(), "overlong"},
      {"overlong 3-byte", lead + "\xE0\x80\xAF rồi", lead.size(), "overlong"},
      {"UTF-16 surrogate", lead + "\xED\xA0\x80", lead.size(), "surrogate"},
      {"above U+10FFFF", lead + "\xF4\x90\x80\x80", lead.size(), ""},
      {"truncated at end of input", lead + "\xE1\xBA", lead.size(), "truncated"},
      {"truncated before ASCII", lead + "\xE1\xBA" + "a đồng", lead.size(), ""},
      {"Latin-1 text", lead + "Vi\xEAt Nam", lead.size() + 2, ""},
  };
  auto dir = scratch_dir("utf8");
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto file = dir / "bad.txt";
      write_file(file, c.bytes);
      for (const char* cmd : {"check ", "extract "}) {
        auto r = run_limited(cmd + shell_quote(file.string()));
        INFO(cmd << c.name << ": " << r.err);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("invalid UTF-8") != std::string::npos);
        CHECK(r.err.find("byte " + std::to_string(c.bad_byte)) != std::string::npos);
        CHECK(r.err.find(c.why) != std::string::npos);
      }
      // The same bytes on standard input name <stdin>, not a file.
      auto r = run_limited("check -", c.bytes);
      INFO(r.err);
      CHECK(r.status == 2);
      CHECK(r.err.find("invalid UTF-8") != std::string::npos);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("NUL bytes are a binary file: exit 2 with the offset") {
  auto dir = scratch_dir("nul");
  const std::string text = "Tổng vốn 796 tỉ đồng";
  write_file(dir / "nul.txt", text + std::string(1, '\0') + "rest");
  auto r = run_limited("check " + shell_quote((dir / "nul.txt").string()));
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("NUL byte at byte " + std::to_string(text.size())) != std::string::npos);
  // A NUL first (a UTF-16 or binary file) is caught before anything else reads the bytes.
  write_file(dir / "utf16.txt", std::string("\xFF\xFE" "N\0g\0", 6));
  r = run_limited("extract " + shell_quote((dir / "utf16.txt").string()));
  CHECK(r.status == 2);
  CHECK_FALSE(r.err.empty());
  fs::remove_all(dir);
}

TEST_CASE("zero bytes are a valid empty report") {
  auto dir = scratch_dir("empty");
  write_file(dir / "empty.txt", "");
  auto r = run_limited("extract --format json " + shell_quote((dir / "empty.txt").string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto j = json::parse(r.out);
  CHECK(j["facts"].empty());
  r = run_limited("check --format json -", "");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(json::parse(r.out)["findings"].empty());
  // Empty JSON Lines input is an empty output stream, not an error.
  r = run_limited("extract --jsonl", "");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  fs::remove_all(dir);
}

TEST_CASE("200,000 digits in a row neither crash nor stop the facts after them") {
  auto dir = scratch_dir("digits");
  const std::string text = "Có " + std::string(200000, '7') + " người.\nNgày 5/3/2024, tổng vốn 796 tỉ đồng.\n";
  write_file(dir / "digits.txt", text);
  auto r = run_limited("extract --format json " + shell_quote((dir / "digits.txt").string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto facts = json::parse(r.out)["facts"];
  bool money = false;
  for (const auto& f : facts) {
    if (f["kind"] == "money" && f["text"] == "796 tỉ đồng") {
      money = true;
      CHECK(f["line"] == 2);
      CHECK(text.substr(f["start"].get<std::size_t>(), f["end"].get<std::size_t>() - f["start"].get<std::size_t>()) ==
            "796 tỉ đồng");
    }
  }
  CHECK(money);
  // Digits with group separators and a decimal tail, too.
  std::string grouped = "Tổng ";
  for (int i = 0; i < 50000; ++i) grouped += "123.";
  grouped += "5 đồng và 3,";
  grouped += std::string(100000, '9');
  grouped += "%.\n";
  write_file(dir / "grouped.txt", grouped);
  r = run_limited("check --format json " + shell_quote((dir / "grouped.txt").string()));
  INFO(r.err);
  CHECK((r.status == 0 || r.status == 1));
  CHECK_NOTHROW(json::parse(r.out));
  fs::remove_all(dir);
}

TEST_CASE("a 100 MB single line is read to its end with correct columns") {
  auto dir = scratch_dir("longline");
  const auto file = dir / "line.txt";
  // Plain words without figures, then one date at the very end of the same line: the column of that fact
  // counts every code point before it, and the run must stay linear to finish in the time limit.
  const std::string filler = "tin tức trong ngày được cập nhật liên tục cho bạn đọc ";  // no figures
  const std::size_t target = 100u * 1024u * 1024u;
  std::size_t filler_code_points = 0;
  for (unsigned char ch : filler) filler_code_points += (ch & 0xC0u) != 0x80u;
  std::size_t copies = target / filler.size();
  {
    std::ofstream out(file, std::ios::binary);
    for (std::size_t i = 0; i < copies; ++i) out << filler;
    out << "ngày 5/3/2024";
  }
  REQUIRE(fs::file_size(file) >= target - filler.size());
  auto r = run_limited("extract --format json " + shell_quote(file.string()), {}, 300);
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto facts = json::parse(r.out)["facts"];
  REQUIRE(facts.size() == 1);
  CHECK(facts[0]["kind"] == "date");
  CHECK(facts[0]["line"] == 1);
  CHECK(facts[0]["start"] == copies * filler.size());
  CHECK(facts[0]["column"] == copies * filler_code_points + 1);
  fs::remove_all(dir);
}

TEST_CASE("malformed JSON Lines: each bad line is reported with its number, the others still processed") {
  const std::string input =
      "{\"id\":\"a\",\"text\":\"Ngày 5/3/2024 có 12 người.\"}\n"
      "not json at all\n"
      "{\"id\":\"c\"}\n"
      "[1,2,3]\n"
      "{\"id\":\"e\",\"text\":\"Tổng 796 tỉ đồng.\",\"published\":\"hôm qua\"}\n"
      "{\"id\":\"f\",\"text\":\"abc \\u0000 def\"}\n"
      "{\"id\":\"g\",\"text\":\"Tổng 796 tỉ đồng.\"\n"
      "{\"id\":\"h\",\"text\":\"Tổng 796 tỉ đồng.\"}\n";
  auto r = run_limited("extract --jsonl", input);
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  std::vector<json> lines;
  std::size_t from = 0;
  for (std::size_t nl; (nl = r.out.find('\n', from)) != std::string::npos; from = nl + 1) {
    lines.push_back(json::parse(r.out.substr(from, nl - from)));
  }
  REQUIRE(lines.size() == 8);  // one output line per input line, in order
  CHECK(lines[0]["id"] == "a");
  CHECK(lines[0]["facts"].size() == 2);
  for (int bad : {2, 3, 4, 5, 6, 7}) {
    INFO("input line " << bad);
    CHECK(lines[bad - 1]["line"] == bad);
    CHECK_FALSE(lines[bad - 1]["error"].get<std::string>().empty());
  }
  // The record with a NUL in its text is refused by the text pipeline, naming its id.
  CHECK(lines[5]["error"].get<std::string>().find("NUL") != std::string::npos);
  CHECK(lines[7]["id"] == "h");
  CHECK(lines[7]["facts"].size() == 1);

  // A .jsonl file given to check is unusable as a whole: exit 2 naming the file and the line.
  auto dir = scratch_dir("jsonl");
  write_file(dir / "articles.jsonl", input);
  r = run_limited("check " + shell_quote((dir / "articles.jsonl").string()));
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("articles.jsonl:2") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a data dir with a bad rule file is exit 2 naming that file") {
  const fs::path source = DOICHIEU_SOURCE_DIR;
  const std::string seed_file = seed("000");
  REQUIRE_FALSE(seed_file.empty());
  struct bad_rule {
    const char* name;
    const char* text;
    const char* expect;  // part of the message
  };
  const std::vector<bad_rule> cases = {
      {"not JSON", "{ \"kind\": ", "BROKEN_RULE.json"},
      {"unknown kind", "{\"kind\": \"no_such_kind\", \"level\": \"error\", \"message\": \"x\"}", "no_such_kind"},
      {"wrong type", "[1, 2, 3]", "BROKEN_RULE.json"},
      {"empty file", "", "BROKEN_RULE.json"},
      {"invalid UTF-8", "{\"kind\": \"\xFF\"}", "BROKEN_RULE.json"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto dir = scratch_dir("ruledir");
      fs::copy(source / "rules", dir / "rules", fs::copy_options::recursive);
      fs::create_directories(dir / "grammars");
      fs::copy(source / "grammars" / "lexicon", dir / "grammars" / "lexicon", fs::copy_options::recursive);
      // The untouched copy works: the failure below is the bad file's, not the copy's.
      auto good = run_limited("check --no-config --data-dir " + shell_quote(dir.string()) + " " + shell_quote(seed_file));
      INFO(good.err);
      REQUIRE((good.status == 0 || good.status == 1));
      write_file(dir / "rules" / "vi" / "BROKEN_RULE.json", c.text);
      auto r = run_limited("check --no-config --data-dir " + shell_quote(dir.string()) + " " + shell_quote(seed_file));
      INFO(r.err);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find(c.expect) != std::string::npos);
      fs::remove_all(dir);
    }
  }
}

TEST_CASE("unreadable inputs are exit 2 with the path and the reason") {
  auto dir = scratch_dir("unreadable");
  // Tests run as root, so chmod 000 would still be readable: a missing path and a missing data dir instead.
  auto r = run_limited("check " + shell_quote((dir / "missing.txt").string()));
  CHECK(r.status == 2);
  CHECK(r.err.find("missing.txt") != std::string::npos);
  r = run_limited("check --data-dir " + shell_quote((dir / "nowhere").string()) + " " + shell_quote(seed("000")));
  CHECK(r.status == 2);
  CHECK(r.err.find("nowhere") != std::string::npos);
  // Output into a directory that does not exist.
  r = run_limited("check -o " + shell_quote((dir / "no" / "such" / "out.json").string()) + " " + shell_quote(seed("000")));
  CHECK(r.status == 2);
  CHECK_FALSE(r.err.empty());
  // A FIFO with no writer would block a naive reader forever; /dev/null reads as empty, a directory of
  // nothing known is not an input.
  fs::create_directories(dir / "nothing");
  write_file(dir / "nothing" / "image.png", "\x89PNG");
  r = run_limited("check " + shell_quote((dir / "nothing").string()));
  CHECK(r.status == 2);
  CHECK_FALSE(r.err.empty());
  fs::remove_all(dir);
}

TEST_CASE("inputs that crashed a fuzzer once are replayed and end cleanly") {
  const fs::path root = fs::path(DOICHIEU_SOURCE_DIR) / "tests" / "fuzz_regressions";
  std::size_t replayed = 0;
  auto dir = scratch_dir("replay");
  for (const char* target : {"extract", "jsonl"}) {
    if (!fs::is_directory(root / target)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / target)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      INFO(p.string());
      doichieu::testing::run_result r;
      if (std::string(target) == "jsonl") {
        r = run_limited("extract --jsonl", read_file(p));
      } else {
        auto copy = dir / "input.txt";
        fs::copy_file(p, copy, fs::copy_options::overwrite_existing);
        r = run_limited("extract --format json " + shell_quote(copy.string()));
      }
      INFO(r.err);
      CHECK((r.status == 0 || r.status == 2));  // a value or a clean refusal, never a signal or a hang
      ++replayed;
    }
  }
  fs::remove_all(dir);
  CHECK(replayed > 0);
}
