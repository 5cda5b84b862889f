// corpus_command.hpp — `doichieu check --corpus` and `--events-only`: group a stream of articles into
// events (doichieu/corpus.hpp), then check the reports of each event together.
//
//   doichieu check --corpus articles.jsonl other-dir/        # findings per event
//   doichieu check --corpus --events-only -f json -          # only the grouping, to inspect or to shard
//
// Inputs are read once, one article at a time: JSON Lines records ({"id","title"?,"text"|"html",
// "published"?,"source"?,"event"?}), or files of a directory (one article each; "-" is spooled to a
// temporary file). Only signatures and the position of each article are kept; an event's texts are read
// again when it is checked. Signatures are computed and events checked on `--jobs` threads.
#ifndef DOICHIEU_CLI_CORPUS_COMMAND_HPP_
#define DOICHIEU_CLI_CORPUS_COMMAND_HPP_

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <doichieu/corpus.hpp>
#include <doichieu/result.hpp>

namespace doichieu::cli {

struct corpus_flags {
  bool corpus = false;       // --corpus
  bool events_only = false;  // --events-only
  unsigned jobs = 0;         // --jobs (0 = all cores)
  int window_days = 3;       // --window-days
  double link_threshold = 0.15;  // --link-threshold
  bool from_signatures = false;  // --from-signatures: inputs are `extract --jsonl --signature` lines
};

// The grouping signature of one article as JSON, for the map step (`extract --jsonl --signature`), and
// back, for the grouping step (`check --corpus --events-only --from-signatures`): the same signature
// grouping.cpp computes, so grouping the signatures gives the events `check --corpus` finds.
nlohmann::ordered_json signature_to_json(const corpus::signature& s);
result<corpus::signature> signature_from_json(const nlohmann::json& j);

// Registers --corpus, --events-only, --jobs, --window-days and --link-threshold on `check`.
void add_corpus_flags(CLI::App& check, corpus_flags& flags);

// What the rest of the command line decided (already merged with .doichieu.json by the caller or not).
struct corpus_settings {
  std::vector<std::string> files;
  std::string format = "text";
  std::string fail_level = "error";
  std::string lang = "vi";
  std::string data_dir;
  std::optional<std::string> output;
  std::vector<std::string> disabled_rules;
  bool color = false;
};

// Runs the command. Returns the exit status: 0 ok, 1 a finding at or above fail_level in some event,
// 2 usage/input/configuration error (message on stderr). Never throws.
int run_corpus_command(const corpus_flags& flags, const corpus_settings& settings);

}  // namespace doichieu::cli

#endif  // DOICHIEU_CLI_CORPUS_COMMAND_HPP_
