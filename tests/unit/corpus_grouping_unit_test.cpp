// Corpus grouping library on real articles (read at run time from shared/corpus/clusters): signatures,
// links within an event, the publication window, explicit events, and the pairwise score.
#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doichieu/corpus.hpp>
#include <doichieu/document.hpp>

namespace co = doichieu::corpus;

namespace {

bool have_clusters() { return std::filesystem::exists(std::string(DOICHIEU_SHARED_DIR) + "/corpus/clusters/index.jsonl"); }

// Headline on line 1, lead and body after it (the clusters' file format).
co::article load(const std::string& rel, const char* published = "2016-05-23") {
  std::ifstream f(std::string(DOICHIEU_SHARED_DIR) + "/corpus/clusters/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string all = ss.str();
  const auto nl = all.find('\n');
  co::article a;
  a.id = rel;
  a.title = all.substr(0, nl);
  a.text = nl == std::string::npos ? "" : all.substr(nl + 1);
  if (published) a.published = doichieu::parse_iso_time(published);
  return a;
}

co::signature sign(const co::article& a) {
  auto s = co::make_signature(a);
  REQUIRE(s.has_value());
  return std::move(*s);
}

}  // namespace

TEST_CASE("day_number counts days since 1970-01-01", "[corpus]") {
  doichieu::civil_time t;
  t.year = 1970, t.month = 1, t.day = 1;
  CHECK(co::day_number(t) == 0);
  t.year = 2016, t.month = 5, t.day = 23;
  CHECK(co::day_number(t) == 16944);
  t.day.reset();
  CHECK_FALSE(co::day_number(t).has_value());
}

TEST_CASE("a signature keeps entities and figures of a real article, not its text", "[corpus]") {
  if (!have_clusters()) return;
  const auto a = load("vims-115/1.txt");
  const auto s = sign(a);
  CHECK(s.id == "vims-115/1.txt");
  CHECK(s.title == "Vietnam Airlines có Tổng Giám đốc mới");
  REQUIRE(s.day.has_value());
  CHECK(*s.day == 16944);
  CHECK(s.strong.size() > 10);   // Vietnam Airlines, Dương Trí Thành, Phạm Viết Thanh, 2015, 2020, ...
  CHECK(s.bigrams.size() > 50);
  CHECK(std::is_sorted(s.strong.begin(), s.strong.end()));
  // Bounded: far smaller than the text it stands for.
  CHECK((s.strong.size() + s.bigrams.size()) * 4 < a.text.size());
}

TEST_CASE("invalid UTF-8 is an error naming the article", "[corpus]") {
  co::article a;
  a.id = "bad";
  a.text = std::string("Hà Nội \xC3\x28");
  auto s = co::make_signature(a);
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().kind == doichieu::error_kind::invalid_utf8);
}

TEST_CASE("articles of one event link, another event stays apart", "[corpus]") {
  if (!have_clusters()) return;
  co::grouper g;
  // Two outlets on the Vietnam Airlines board change, three on another event of the same week, and
  // enough unrelated articles that common words are recognised as common.
  for (int k = 1; k <= 5; ++k) g.add(sign(load("vims-115/" + std::to_string(k) + ".txt")));
  for (int k = 1; k <= 5; ++k) g.add(sign(load("vims-114/" + std::to_string(k) + ".txt")));
  for (const char* c : {"vims-032", "vims-087", "vims-037", "vims-116", "vims-281"})
    for (int k = 1; k <= 3; ++k) g.add(sign(load(std::string(c) + "/" + std::to_string(k) + ".txt")));
  const auto events = g.group();
  std::vector<std::string> truth;
  for (std::size_t i = 0; i < g.size(); ++i) truth.push_back(g.at(i).id.substr(0, 8));
  const auto score = co::score_pairs(events, truth);
  CHECK(score.precision == Approx(1.0));
  CHECK(score.recall >= 0.9);
  CHECK(events.front().name == "auto-1");
  CHECK(events.front().members.front() == 0);
}

TEST_CASE("the publication window separates the same story told days apart", "[corpus]") {
  if (!have_clusters()) return;
  auto build = [](int window) {
    co::grouping_options o;
    o.window_days = window;
    co::grouper g(o);
    for (int k = 1; k <= 4; ++k) g.add(sign(load("vims-115/" + std::to_string(k) + ".txt", "2016-05-23")));
    for (int k = 5; k <= 8; ++k) g.add(sign(load("vims-115/" + std::to_string(k) + ".txt", "2016-06-10")));
    for (const char* c : {"vims-032", "vims-087", "vims-037"})
      for (int k = 1; k <= 3; ++k) g.add(sign(load(std::string(c) + "/" + std::to_string(k) + ".txt")));
    return g.group();
  };
  auto event_of = [](const std::vector<co::event_group>& evs, std::size_t i) {
    for (std::size_t e = 0; e < evs.size(); ++e)
      for (auto m : evs[e].members)
        if (m == i) return e;
    return evs.size();
  };
  const auto wide = build(30), narrow = build(3);
  CHECK(event_of(wide, 0) == event_of(wide, 7));
  CHECK(event_of(narrow, 0) != event_of(narrow, 7));
}

TEST_CASE("an explicit event overrides the automatic grouping", "[corpus]") {
  if (!have_clusters()) return;
  co::grouper g;
  auto a = load("vims-115/1.txt"), b = load("vims-114/1.txt"), c = load("vims-115/2.txt");
  a.event = b.event = "board";
  g.add(sign(a));
  g.add(sign(b));
  g.add(sign(c));
  const auto events = g.group();
  REQUIRE(events.size() == 2);
  CHECK(events[0].name == "board");
  CHECK(events[0].explicit_event);
  CHECK(events[0].members == std::vector<std::size_t>{0, 1});
  CHECK(events[1].members == std::vector<std::size_t>{2});
}

TEST_CASE("pairwise precision and recall", "[corpus]") {
  std::vector<co::event_group> groups(2);
  groups[0].members = {0, 1, 2};
  groups[1].members = {3};
  const auto s = co::score_pairs(groups, {"x", "x", "y", "y"});
  CHECK(s.predicted_pairs == 3);
  CHECK(s.true_pairs == 2);
  CHECK(s.correct_pairs == 1);
  CHECK(s.precision == Approx(1.0 / 3));
  CHECK(s.recall == Approx(0.5));
}
