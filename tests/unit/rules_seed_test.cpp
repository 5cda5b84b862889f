// Acceptance on real text: seeds 000, 001 and 002 report one event (Tô Lâm in Quảng Ninh, 7 March).
// Unchanged, the check gives no error and verifies the 796 total, the shared "khoảng 1.000 biên chế",
// the 7/3 date and Tô Lâm's titles. With one planted change, an error finding covers the changed bytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doichieu/engine.hpp>

namespace fs = std::filesystem;
using namespace doichieu;

namespace {

std::string seed(const std::string& prefix) {
  for (const auto& e : fs::directory_iterator(fs::path(DOICHIEU_SHARED_DIR) / "seeds")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  FAIL("seed " << prefix << " not found");
  return {};
}

const engine& shared_engine() {
  static auto eng = engine::load({.data_dir = DOICHIEU_SOURCE_DIR, .disabled_rules = {}});
  if (!eng) FAIL("engine does not load: " << eng.error().describe());
  return **eng;
}

check_report check(const std::vector<std::string>& texts) {
  std::vector<report_input> in;
  for (std::size_t i = 0; i < texts.size(); ++i) in.push_back({"seed" + std::to_string(i) + ".txt", texts[i], std::nullopt});
  auto rep = shared_engine().check(std::move(in));
  if (!rep) FAIL(rep.error().describe());
  return std::move(*rep);
}

std::string dump(const std::vector<finding>& fs) {
  std::string s;
  for (const auto& f : fs) {
    s += f.rule + ": " + f.message + " @";
    for (const auto& l : f.locations) s += " [" + std::to_string(l.document) + ":" + std::to_string(l.where.start) + "] '" + l.text + "'";
    s += "\n";
  }
  return s;
}

bool passed_with(const check_report& rep, const std::string& rule, const std::string& text_part) {
  return std::any_of(rep.passed.begin(), rep.passed.end(), [&](const finding& f) {
    return f.rule == rule && std::any_of(f.locations.begin(), f.locations.end(), [&](const location& l) {
             return l.text.find(text_part) != std::string::npos;
           });
  });
}

// Replaces the first `from` (after `after`, if given) in report `doc` and checks that an error finding
// of `rule` has a location in that report covering the bytes that changed.
void planted(std::size_t doc, const std::string& after, const std::string& from, const std::string& to,
             const std::string& rule) {
  std::vector<std::string> texts{seed("000"), seed("001"), seed("002")};
  std::size_t anchor = after.empty() ? 0 : texts[doc].find(after);
  REQUIRE(anchor != std::string::npos);
  std::size_t at = texts[doc].find(from, anchor);
  REQUIRE(at != std::string::npos);
  texts[doc].replace(at, from.size(), to);
  // The changed bytes: `to` without what it shares with `from` at either end.
  std::size_t head = 0, tail = 0;
  while (head < from.size() && head < to.size() && from[head] == to[head]) ++head;
  while (tail + head < from.size() && tail + head < to.size() &&
         from[from.size() - 1 - tail] == to[to.size() - 1 - tail])
    ++tail;
  std::size_t changed_begin = at + head, changed_end = at + to.size() - tail;
  auto rep = check(texts);
  INFO("change in report " << doc << " at " << at << ": '" << from << "' -> '" << to << "'\nfindings:\n"
                           << dump(rep.findings));
  bool covered = std::any_of(rep.findings.begin(), rep.findings.end(), [&](const finding& f) {
    return f.rule == rule && !f.passed && f.level == severity::error &&
           std::any_of(f.locations.begin(), f.locations.end(), [&](const location& l) {
             return l.document == doc && l.where.start <= changed_begin && changed_end <= l.where.end;
           });
  });
  CHECK(covered);
}

}  // namespace

TEST_CASE("seeds 000, 001, 002: no error, and the shared facts are verified") {
  auto rep = check({seed("000"), seed("001"), seed("002")});
  INFO("findings:\n" << dump(rep.findings) << "passed:\n" << dump(rep.passed));
  CHECK_FALSE(rep.fails_at(severity::error));
  CHECK(passed_with(rep, "TOTAL_EQUALS_PARTS", "796"));
  CHECK(passed_with(rep, "SAME_FIGURE_ACROSS_REPORTS", "1.000"));
  CHECK(passed_with(rep, "SAME_EVENT_DATE", "7-3"));
  CHECK(passed_with(rep, "SAME_EVENT_DATE", "7/3"));
  CHECK(std::any_of(rep.passed.begin(), rep.passed.end(), [](const finding& f) {
    return f.rule == "SAME_TITLE_FOR_PERSON" && f.message.find("Tô Lâm") != std::string::npos &&
           f.locations.size() >= 2;
  }));
}

TEST_CASE("planted change: one part of the 796 total") {
  planted(0, "", "39,8", "49,8", "TOTAL_EQUALS_PARTS");
}

TEST_CASE("planted change: the staff figure in one report") {
  planted(1, "", "1.000 biên chế", "1.500 biên chế", "SAME_FIGURE_ACROSS_REPORTS");
}

TEST_CASE("planted change: the event date in one report") {
  planted(2, "", "7/3", "9/3", "SAME_EVENT_DATE");
}

TEST_CASE("planted change: Tô Lâm's rank in one report") {
  planted(1, "", "Đại tướng Tô Lâm nhấn mạnh", "Thượng tướng Tô Lâm nhấn mạnh", "SAME_TITLE_FOR_PERSON");
}

TEST_CASE("planted change: Tô Lâm's position in one report") {
  planted(2, "Ngày 7/3", "Bộ trưởng Bộ Công an cùng", "Thứ trưởng Bộ Công an cùng", "SAME_TITLE_FOR_PERSON");
}

TEST_CASE("seeds 003 and 004 alone: no error-level false alarm") {
  for (const char* id : {"003", "004"}) {
    auto rep = check({seed(id)});
    INFO("seed " << id << " findings:\n" << dump(rep.findings));
    CHECK_FALSE(rep.fails_at(severity::error));
  }
}
