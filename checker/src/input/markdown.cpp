// Markdown reader on md4c: md4c hands out text as pointers into the input buffer, so every byte of
// extracted text knows its original offset without re-parsing. Code blocks and code spans are skipped
// (they quote, they do not report); raw HTML is skipped too (its comments are read as suppressions).
#include <md4c.h>

#include "builder.hpp"

namespace doichieu::input::detail {
namespace {

struct md_state {
  std::string_view original;
  text_builder out;
  std::vector<std::pair<std::size_t, std::size_t>> code;  // original ranges inside code: no directives there
  std::size_t last_end = 0;                                 // original offset after the last text seen
  int image_depth = 0;
};

std::size_t offset_of(const md_state& st, const MD_CHAR* p, MD_SIZE size, bool& inside) {
  const char* begin = st.original.data();
  inside = p >= begin && p + size <= begin + st.original.size();
  return inside ? static_cast<std::size_t>(p - begin) : st.last_end;
}

int enter_block(MD_BLOCKTYPE, void*, void*) { return 0; }

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& st = *static_cast<md_state*>(user);
  switch (type) {
    case MD_BLOCK_P: case MD_BLOCK_H: case MD_BLOCK_LI: case MD_BLOCK_QUOTE: case MD_BLOCK_TD:
    case MD_BLOCK_TH: case MD_BLOCK_TR: case MD_BLOCK_TABLE: case MD_BLOCK_UL: case MD_BLOCK_OL:
      st.out.block_break(st.last_end);
      break;
    default:
      break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) ++static_cast<md_state*>(user)->image_depth;
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  if (type == MD_SPAN_IMG) --static_cast<md_state*>(user)->image_depth;
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& st = *static_cast<md_state*>(user);
  bool inside = false;
  const std::size_t at = offset_of(st, text, size, inside);
  std::string_view bytes(text, size);
  switch (type) {
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
      if (inside) st.code.emplace_back(at, at + size);
      break;
    case MD_TEXT_HTML:
      break;
    case MD_TEXT_NORMAL:
      if (st.image_depth > 0) break;  // alt text describes a picture; it is not the report
      if (inside) st.out.verbatim(at, bytes);
      else st.out.changed(st.last_end, 0, bytes);
      break;
    case MD_TEXT_ENTITY: {
      if (st.image_depth > 0) break;
      std::string decoded;
      if (decode_entity(bytes, decoded) == size) st.out.changed(at, size, decoded);
      else st.out.verbatim(at, bytes);
      break;
    }
    case MD_TEXT_NULLCHAR:
      st.out.changed(at, inside ? size : 0, "\xEF\xBF\xBD");
      break;
    case MD_TEXT_SOFTBR:
      // A line break inside a paragraph is only layout: a space keeps the sentence whole.
      st.out.space(st.last_end, 0);
      return 0;
    case MD_TEXT_BR:
      st.out.changed(st.last_end, 0, "\n");
      return 0;
  }
  if (inside) st.last_end = at + size;
  return 0;
}

}  // namespace

result<source> read_markdown(std::string path, std::string bytes) {
  md_state st;
  st.original = bytes;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  if (md_parse(bytes.data(), static_cast<MD_SIZE>(bytes.size()), &parser, &st) != 0)
    return make_error(error_kind::internal, "the Markdown parser gave up (out of memory?)", {path, {}, 0, 0});
  auto sup = scan_suppressions(path, bytes, st.code);
  if (!sup) return sup.error();
  source s;
  s.text = st.out.text();
  s.map = st.out.finish();
  s.path = std::move(path);
  s.original = std::move(bytes);
  s.format = source_format::markdown;
  s.suppressions = std::move(*sup);
  return s;
}

}  // namespace doichieu::input::detail
