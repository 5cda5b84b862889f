// Throughput and latency of the library on real text, with the floors of our own stages beside it.
//
//   extract/*        engine::extract: the whole text pipeline plus every grammar (what the CLI does per report)
//   make_document/*  ICU NFC + case fold + sentence split alone: the floor of the text pipeline
//   scan/*           RE2 candidate scan alone over already-built documents: the floor of the grammar stage
//   check_one        engine::check on one ~5 KB seed report, p50/p99 over the iterations
//   check_cluster    engine::check on a real 10-report cluster (corpus/clusters/vims-054), p50/p99
//
// Inputs are read at run time from $DOICHIEU_SHARED_DIR (default: ../shared next to the source tree):
// corpus/articles.jsonl (2,000 articles) and seeds/*.txt. Nothing from them is stored in the repository.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <doichieu/engine.hpp>
#include <doichieu/grammars/grammars.hpp>
#include <doichieu/text.hpp>
#include <nlohmann/json.hpp>

#include "scan/candidates.hpp"

namespace {

namespace fs = std::filesystem;

std::string shared_dir() {
  if (const char* env = std::getenv("DOICHIEU_SHARED_DIR"); env != nullptr && *env != '\0') return env;
  return DOICHIEU_SHARED_DIR;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

[[noreturn]] void die(const std::string& why) {
  std::cerr << "doichieu_bench: " << why << '\n';
  std::exit(2);
}

struct text_set {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  void add(std::string t) {
    bytes += t.size();
    texts.push_back(std::move(t));
  }
};

// Everything loaded once: the engine, the pieces it is made of, and the inputs.
struct fixture {
  std::shared_ptr<const doichieu::engine> engine;
  std::shared_ptr<const doichieu::sentence_splitter> splitter;
  std::shared_ptr<const doichieu::scan::candidate_scanner> scanner;
  text_set corpus, seeds;
  std::vector<doichieu::document> corpus_docs, seed_docs;
  std::string one_report;                           // seed 000, 4,999 bytes
  std::vector<doichieu::report_input> cluster;      // vims-054, 10 outlets

  fixture() {
    const std::string data = DOICHIEU_SOURCE_DIR;
    auto eng = doichieu::engine::load({data, {}});
    if (!eng) die(eng.error().describe());
    engine = *eng;
    auto sp = doichieu::sentence_splitter::load(data + "/grammars/lexicon/vi/abbreviations.json");
    if (!sp) die(sp.error().describe());
    splitter = *sp;
    auto lex = doichieu::grammars::load_lexicon(data + "/grammars/lexicon/vi");
    if (!lex) die(lex.error().describe());
    // The same trigger patterns the engine compiles (engine.cpp), so scan/* is its real floor.
    std::array<std::vector<std::string>, doichieu::scan::family_count> patterns;
    patterns[doichieu::scan::docref] = doichieu::grammars::docref_triggers(*(*lex)->docref);
    patterns[doichieu::scan::temporal] = doichieu::grammars::temporal_triggers(*(*lex)->temporal);
    patterns[doichieu::scan::person] = doichieu::grammars::person_triggers(*(*lex)->person);
    patterns[doichieu::scan::numeric] = doichieu::grammars::numeric_triggers(*(*lex)->numeric);
    auto sc = doichieu::scan::candidate_scanner::build(patterns);
    if (!sc) die(sc.error().describe());
    scanner = *sc;

    const fs::path shared = shared_dir();
    std::ifstream articles(shared / "corpus" / "articles.jsonl", std::ios::binary);
    if (!articles) die("cannot read " + (shared / "corpus" / "articles.jsonl").string());
    for (std::string line; std::getline(articles, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      corpus.add(j["text"].get<std::string>());
    }
    std::vector<fs::path> seed_paths;
    for (const auto& e : fs::directory_iterator(shared / "seeds")) seed_paths.push_back(e.path());
    std::sort(seed_paths.begin(), seed_paths.end());
    for (const auto& p : seed_paths) seeds.add(read_all(p));
    if (corpus.texts.empty() || seeds.texts.empty()) die("no corpus or seed text under " + shared.string());
    one_report = seeds.texts.front();

    const fs::path cluster_dir = shared / "corpus" / "clusters" / "vims-054";
    for (int n = 1; n <= 10; ++n) {
      auto p = cluster_dir / (std::to_string(n) + ".txt");
      if (!fs::exists(p)) die("missing " + p.string());
      cluster.push_back({p.string(), read_all(p), std::nullopt});
    }

    for (const auto& t : corpus.texts) corpus_docs.push_back(make_doc(t));
    for (const auto& t : seeds.texts) seed_docs.push_back(make_doc(t));
  }

  doichieu::document make_doc(const std::string& t) const {
    auto d = doichieu::make_document("bench", t, std::nullopt, *splitter);
    if (!d) die(d.error().describe());
    return std::move(*d);
  }
};

const fixture& fx() {
  static const fixture f;
  return f;
}

const text_set& pick(int which) { return which == 0 ? fx().corpus : fx().seeds; }
const std::vector<doichieu::document>& pick_docs(int which) { return which == 0 ? fx().corpus_docs : fx().seed_docs; }

void extract(benchmark::State& state) {
  const auto& set = pick(static_cast<int>(state.range(0)));
  std::size_t facts = 0;
  for (auto _ : state) {
    for (const auto& t : set.texts) {
      auto ex = fx().engine->extract({"bench", t, std::nullopt});
      if (!ex) die(ex.error().describe());
      facts += ex->facts.size();
      benchmark::DoNotOptimize(ex);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * set.bytes));
  state.counters["facts_per_pass"] = static_cast<double>(facts) / static_cast<double>(state.iterations());
}

void make_document(benchmark::State& state) {
  const auto& set = pick(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const auto& t : set.texts) {
      auto d = doichieu::make_document("bench", t, std::nullopt, *fx().splitter);
      benchmark::DoNotOptimize(d);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * set.bytes));
}

void scan(benchmark::State& state) {
  const auto& docs = pick_docs(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.original.size();
  std::vector<doichieu::scan::candidate> out;
  std::size_t candidates = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      for (const auto& s : d.sentences) {
        out.clear();
        fx().scanner->scan(d.folded, s, out);
        candidates += out.size();
      }
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["candidates_per_pass"] = static_cast<double>(candidates) / static_cast<double>(state.iterations());
}

// Latency percentiles: Google Benchmark reports means, the targets are about p99.
void report_percentiles(benchmark::State& state, std::vector<double>& us) {
  if (us.empty()) return;
  std::sort(us.begin(), us.end());
  auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * (us.size() - 1) + 0.5))]; };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = us.back();
}

void check_inputs(benchmark::State& state, const std::vector<doichieu::report_input>& inputs) {
  std::vector<double> us;
  std::size_t bytes = 0;
  for (const auto& in : inputs) bytes += in.bytes.size();
  for (auto _ : state) {
    auto copy = inputs;  // check() takes its inputs by value; the copy is part of a caller's cost too
    auto t0 = std::chrono::steady_clock::now();
    auto rep = fx().engine->check(std::move(copy));
    auto t1 = std::chrono::steady_clock::now();
    if (!rep) die(rep.error().describe());
    benchmark::DoNotOptimize(rep);
    double seconds = std::chrono::duration<double>(t1 - t0).count();
    state.SetIterationTime(seconds);
    us.push_back(seconds * 1e6);
  }
  report_percentiles(state, us);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void check_one(benchmark::State& state) { check_inputs(state, {{"seed-000.txt", fx().one_report, std::nullopt}}); }
void check_cluster(benchmark::State& state) { check_inputs(state, fx().cluster); }

}  // namespace

BENCHMARK(extract)->ArgName("corpus0_seeds1")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(make_document)->ArgName("corpus0_seeds1")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(scan)->ArgName("corpus0_seeds1")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(check_one)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(300);
BENCHMARK(check_cluster)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(300);

BENCHMARK_MAIN();
