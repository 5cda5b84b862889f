// Reading reports: format by extension, UTF-8 checked on the ORIGINAL bytes (so errors name the file's own
// line and column), JSON Lines of articles, directories walked recursively.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include <doichieu/text.hpp>

#include "builder.hpp"

namespace doichieu::input {
namespace detail {
result<source> read_markdown(std::string path, std::string bytes);
result<source> read_html(std::string path, std::string bytes);
}  // namespace detail

namespace {

std::string lower_extension(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Where a byte sits, for errors about the original file.
source_location locate_in(const std::string& path, std::string_view bytes, std::size_t at) {
  const auto starts = find_line_starts(bytes);
  auto it = std::upper_bound(starts.begin(), starts.end(), at);
  std::size_t line = static_cast<std::size_t>(it - starts.begin());
  std::size_t ls = line ? starts[line - 1] : 0;
  std::size_t col = 1;
  for (std::size_t i = ls; i < at && i < bytes.size(); ++i)
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++col;
  return {path, at, line ? line : 1, col};
}

}  // namespace

std::string_view to_string(source_format f) noexcept {
  switch (f) {
    case source_format::text: return "text";
    case source_format::markdown: return "markdown";
    case source_format::html: return "html";
  }
  return "text";
}

std::optional<source_format> format_for_path(std::string_view path) noexcept {
  std::string ext = lower_extension(path);
  if (ext == ".txt" || ext == ".text") return source_format::text;
  if (ext == ".md" || ext == ".markdown") return source_format::markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return source_format::html;
  return std::nullopt;
}

result<source> read_source(std::string path, std::string bytes, source_format fmt) {
  // Checked here, before any parser sees the bytes, so the position is the file's own.
  if (auto nul = bytes.find('\0'); nul != std::string::npos)
    return make_error(error_kind::binary_input,
                      "NUL byte at byte " + std::to_string(nul) + ": this looks like a binary file, not a report",
                      locate_in(path, bytes, nul));
  if (auto valid = validate_utf8(bytes, path); !valid) {
    error e = valid.error();
    if (e.where.byte) {
      auto at = locate_in(path, bytes, *e.where.byte);
      e.where.line = at.line;
      e.where.column = at.column;
    }
    return e;
  }
  switch (fmt) {
    case source_format::markdown: return detail::read_markdown(std::move(path), std::move(bytes));
    case source_format::html: return detail::read_html(std::move(path), std::move(bytes));
    case source_format::text: break;
  }
  source s;
  s.path = std::move(path);
  s.text = bytes;
  s.original = std::move(bytes);
  s.format = source_format::text;
  return s;
}

result<source> read_source(std::string path, std::string bytes) {
  auto fmt = format_for_path(path).value_or(source_format::text);
  return read_source(std::move(path), std::move(bytes), fmt);
}

result<std::string> read_file(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return make_error(error_kind::io, "is a directory", {path, {}, 0, 0});
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_kind::io, std::string("cannot read: ") + std::strerror(errno), {path, {}, 0, 0});
  ss << in.rdbuf();
  if (in.bad()) return make_error(error_kind::io, std::string("read failed: ") + std::strerror(errno), {path, {}, 0, 0});
  return ss.str();
}

result<std::vector<source>> read_jsonl(const std::string& path, std::string_view bytes) {
  std::vector<source> out;
  std::size_t line_no = 0, pos = 0;
  auto fail = [&](const std::string& message) {
    return make_error(error_kind::bad_json, message, {path, std::nullopt, line_no, 1});
  };
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    static const char* allowed[] = {"id", "title", "text", "html", "published", "source", "event"};
    for (const auto& item : j.items()) {
      if (std::find(std::begin(allowed), std::end(allowed), item.key()) == std::end(allowed))
        return fail("unknown field \"" + item.key() + "\" (allowed: id, title, text, html, published, source, event)");
      if (!item.value().is_string() && !(item.key() == "id" && item.value().is_number_integer()))
        return fail("field \"" + item.key() + "\" must be a string");
    }
    const bool has_text = j.contains("text"), has_html = j.contains("html");
    if (has_text == has_html) return fail("give exactly one of \"text\" and \"html\"");
    std::string id = !j.contains("id") ? std::to_string(line_no)
                     : j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    std::string body = j[has_text ? "text" : "html"].get<std::string>();
    auto src = read_source(path + "#" + id, std::move(body), has_text ? source_format::text : source_format::html);
    if (!src) {
      error e = src.error();
      e.message = "line " + std::to_string(line_no) + ": " + e.message;
      return e;
    }
    if (j.contains("published")) {
      src->published = parse_iso_time(j["published"].get<std::string>());
      if (!src->published) return fail("\"published\" is not an ISO date: " + j["published"].get<std::string>());
    }
    if (j.contains("event")) src->event = j["event"].get<std::string>();
    if (j.contains("title")) src->title = j["title"].get<std::string>();
    if (j.contains("source")) src->outlet = j["source"].get<std::string>();
    out.push_back(std::move(*src));
  }
  return out;
}

bool glob_match(std::string_view pat, std::string_view path) noexcept {
  // Dynamic programming from the ends of both strings ('*' stops at '/', '**' does not, "**/" may match
  // nothing): row p holds, for every s, whether pat[p..] matches path[s..]. O(|pat| * |path|) time and four
  // rows of memory. The recursive matcher this replaces backtracked: "*a*a*a…*c" against a path of a's took
  // exponential time, so a .doichieu.json could hang the CLI (found by fuzz_config).
  const std::size_t pn = pat.size(), sn = path.size();
  std::array<std::vector<char>, 4> rows;  // row p lives in rows[p % 4]; p needs rows p+1 .. p+3
  for (auto& r : rows) r.assign(sn + 1, 0);
  rows[pn % 4][sn] = 1;  // the empty pattern matches the empty rest of the path only
  for (std::size_t p = pn; p-- > 0;) {
    std::vector<char>& row = rows[p % 4];
    const std::vector<char>& next = rows[(p + 1) % 4];
    if (pat[p] == '*' && p + 1 < pn && pat[p + 1] == '*') {  // '**': any suffix of the path, or "**/" as ""
      const std::vector<char>& rest = rows[(p + 2) % 4];
      const bool slash = p + 2 < pn && pat[p + 2] == '/';
      const std::vector<char>& after_slash = rows[(p + 3) % 4];
      char any = 0;
      for (std::size_t s = sn + 1; s-- > 0;) {
        any = static_cast<char>(any | rest[s]);
        row[s] = static_cast<char>(any || (slash && after_slash[s]));
      }
    } else if (pat[p] == '*') {  // '*': a run of path characters up to the next '/'
      char run = 0;
      for (std::size_t s = sn + 1; s-- > 0;) {
        run = static_cast<char>(next[s] || (s < sn && path[s] != '/' && run));
        row[s] = run;
      }
    } else {  // '?' is any character but '/'; anything else is itself
      row[sn] = 0;
      for (std::size_t s = 0; s < sn; ++s)
        row[s] = static_cast<char>((pat[p] == '?' ? path[s] != '/' : pat[p] == path[s]) && next[s + 1]);
    }
  }
  return rows[0][0] != 0;
}

result<expanded_inputs> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& include,
                                      const std::vector<std::string>& exclude) {
  namespace fs = std::filesystem;
  expanded_inputs out;
  auto known = [](const std::string& p) { return format_for_path(p) || lower_extension(p) == ".jsonl"; };
  auto excluded = [&](const std::string& p) {
    for (const auto& g : exclude)
      if (glob_match(g, p)) return true;
    return false;
  };
  auto included = [&](const std::string& p) {
    if (include.empty()) return true;
    for (const auto& g : include)
      if (glob_match(g, p)) return true;
    return false;
  };
  for (const auto& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(arg, ec)) {
      if (arg != "-" && !fs::exists(arg, ec)) return make_error(error_kind::io, "no such file or directory", {arg, {}, 0, 0});
      // A file named on the command line is always read: the user asked for it.
      out.files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return make_error(error_kind::io, "cannot list directory: " + ec.message(), {arg, {}, 0, 0});
    for (; it != end; it.increment(ec)) {
      if (ec) return make_error(error_kind::io, "cannot list directory: " + ec.message(), {arg, {}, 0, 0});
      const std::string p = it->path().generic_string();
      if (it->is_directory(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.' && name != "." && name != "..") {
          out.skipped.emplace_back(p, "hidden directory");
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!it->is_regular_file(ec)) {
        out.skipped.emplace_back(p, "not a regular file");
        continue;
      }
      if (!known(p)) out.skipped.emplace_back(p, "extension is not .txt, .md, .markdown, .html, .htm or .jsonl");
      else if (excluded(p)) out.skipped.emplace_back(p, "matches an exclude glob");
      else if (!included(p)) out.skipped.emplace_back(p, "matches no include glob");
      else found.push_back(p);
    }
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  std::sort(out.skipped.begin(), out.skipped.end());
  return out;
}

}  // namespace doichieu::input
