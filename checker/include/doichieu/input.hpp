// doichieu/input.hpp — readers: files as editors keep them (.txt, .md, .html, JSON Lines, directories,
// stdin) -> the plain text the engine reads, plus the way back to the original bytes.
//
//   auto src = doichieu::input::read_source("bao-a.md", bytes);          // format from the extension
//   if (!src) die(src.error().describe());                             // names the file, line and column
//   auto rep = eng->check({{src->path, src->text, published}});
//   doichieu::input::remap_to_originals(*rep, {&*src});                // spans now point into bao-a.md
//   auto quiet = doichieu::input::apply_suppressions(*rep, {&*src});   // <!-- doichieu-disable … -->
//
// The engine only ever sees extracted text. Every reader also returns a `text_map` from byte offsets of
// that text to byte offsets of the file as given, so findings and facts can be reported where the editor
// sees them. Markdown is parsed with md4c (code blocks and code spans skipped), HTML with gumbo (body text
// only; script, style, pre, code, template, noscript and textarea skipped). Nothing here throws; values
// are immutable once returned and safe to share between threads.
#ifndef DOICHIEU_INPUT_HPP_
#define DOICHIEU_INPUT_HPP_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doichieu/engine.hpp>
#include <doichieu/finding.hpp>
#include <doichieu/result.hpp>

namespace doichieu::input {

enum class source_format { text, markdown, html };
std::string_view to_string(source_format f) noexcept;
// By extension: .txt/.text -> text, .md/.markdown -> markdown, .html/.htm/.xhtml -> html; else nullopt.
std::optional<source_format> format_for_path(std::string_view path) noexcept;

// Byte offsets of extracted text -> byte offsets of the original file. Built from pieces in text order that
// cover the text: a verbatim piece maps byte for byte; a changed piece (an entity, collapsed white space,
// an inserted paragraph break) maps only its two ends, like offset_map's changed runs.
class text_map {
 public:
  struct piece {
    std::size_t text_begin, text_length, original_begin, original_length;
    bool verbatim;
  };
  text_map() = default;
  explicit text_map(std::vector<piece> pieces) : pieces_(std::move(pieces)) {}
  std::size_t to_original_start(std::size_t text_offset) const noexcept;
  std::size_t to_original_end(std::size_t text_offset) const noexcept;
  bool identity() const noexcept { return pieces_.empty(); }  // plain text
  const std::vector<piece>& pieces() const noexcept { return pieces_; }

 private:
  std::vector<piece> pieces_;
};

// `<!-- doichieu-disable RULE_ID: reason -->` … `<!-- doichieu-enable RULE_ID -->` (to the end of the file
// when never enabled again) or `<!-- doichieu-disable-next-line RULE_ID: reason -->`. Several ids may be
// separated by commas. Offsets are original bytes; `line` is where the comment starts.
struct suppression {
  std::string rule;
  std::string reason;
  std::size_t begin = 0;  // original bytes covered, end exclusive
  std::size_t end = 0;
  std::size_t line = 0;
  std::size_t column = 0;
  bool next_line = false;
};

// One report as read from a file or a JSON Lines record.
struct source {
  std::string path;                     // display path: as given, "<stdin>", or "file.jsonl#id"
  std::string original;                 // the bytes of the file (or of the record's text/html field)
  std::string text;                     // what the engine reads
  source_format format = source_format::text;
  text_map map;                         // text -> original
  std::vector<suppression> suppressions;
  std::optional<civil_time> published;  // from a JSON Lines record
  std::string event;                    // JSON Lines "event": reports of one event are checked together
  std::string title;                    // JSON Lines "title", when given
  std::string outlet;                   // JSON Lines "source" (the newspaper)
};

// Reads one report. Errors: invalid_utf8 / binary_input naming the byte, line and column of the ORIGINAL
// file; bad_config for a suppression comment without a reason or with an unknown directive.
result<source> read_source(std::string path, std::string bytes, source_format fmt);
// Same, the format taken from the extension (text when it has none we know).
result<source> read_source(std::string path, std::string bytes);

// JSON Lines of articles: {"id","title"?,"text"|"html","published"?,"source"?,"event"?} per line.
// Errors name the file and the line (bad_json for malformed lines, missing fields, bad dates).
result<std::vector<source>> read_jsonl(const std::string& path, std::string_view bytes);

// Reads a file (or "-" for stdin) whole. Errors: io naming the path and the reason.
result<std::string> read_file(const std::string& path);

// Expands command-line inputs: files stay as given; directories are walked recursively (sorted, so output
// is stable) and keep files whose extension is known (.txt .md .markdown .html .htm .jsonl). What was left
// out is returned in `skipped` with the reason, for --verbose.
struct expanded_inputs {
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
};
result<expanded_inputs> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& include,
                                      const std::vector<std::string>& exclude);

// Shell-style glob: '*' within a path segment, '**' across segments, '?' one character.
bool glob_match(std::string_view pattern, std::string_view path) noexcept;

// Rewrites every span of `report` (finding and passed locations, facts) from extracted-text offsets to
// ORIGINAL file offsets with line/column, and gives each document its original bytes and line starts so
// renderers quote the file the editor has. `sources[i]` belongs to report.reports[i]. Idempotent for
// plain text.
void remap_to_originals(check_report& report, const std::vector<const source*>& sources);

// One report from several (one per event): documents concatenated, indices in locations shifted, findings
// re-sorted most severe first, rules united.
check_report merge_reports(std::vector<check_report> parts);

// Suppressions that matched, and findings removed from the report because of them.
struct suppressed_finding {
  finding silenced;
  suppression by;
  std::string path;
};
// Removes findings whose primary location lies in a suppressed region for its rule; returns them.
std::vector<suppressed_finding> apply_suppressions(check_report& report, const std::vector<const source*>& sources);

// ---- .doichieu.json ----------------------------------------------------------------------------------
//
//   { "rules": { "SAME_FIGURE_ACROSS_REPORTS": "off", "TOTAL_EQUALS_PARTS": {"severity": "warning"} },
//     "include": ["**/*.md"], "exclude": ["drafts/**"],
//     "format": "text", "fail_level": "warning", "color": "auto", "lang": "vi", "data_dir": "…" }
// Unknown keys and bad values are bad_config errors naming the file, the line and the allowed values.
struct rule_setting {
  bool enabled = true;
  std::optional<severity> level;  // overrides the rule file's level
};
struct config {
  std::string path;  // where it was read from; empty = defaults
  std::map<std::string, rule_setting> rules;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::optional<std::string> format, fail_level, color, lang, data_dir, output;
  std::map<std::string, double> tolerances;  // "tolerances": name -> value, for engine_options::tolerances
  std::vector<std::string> gazetteers;       // "gazetteers": officials files, relative to the config file
};
result<config> parse_config(std::string_view bytes, const std::string& path);
// The nearest .doichieu.json in `start` or a parent directory of it; nullopt when there is none.
std::optional<std::string> find_config(const std::string& start);
// Applies severity overrides to findings (and re-sorts them); rules switched off are for engine_options.
void apply_rule_settings(check_report& report, const config& cfg);
std::vector<std::string> disabled_rules(const config& cfg);

}  // namespace doichieu::input

#endif  // DOICHIEU_INPUT_HPP_
