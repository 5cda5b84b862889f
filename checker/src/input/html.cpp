// HTML reader on gumbo: the text of the body, with script/style/pre/code and friends skipped. Gumbo keeps
// each text node's raw bytes (original_text) beside its decoded text, so the two are aligned to map every
// decoded byte back to the file. Comments are where suppression directives live.
#include <gumbo.h>

#include <algorithm>
#include <memory>

#include "builder.hpp"

namespace doichieu::input::detail {
namespace {

bool skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_PRE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_CAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

struct walker {
  std::string_view original;
  text_builder out;
  std::vector<std::pair<std::size_t, std::size_t>> ignore;  // raw text of skipped elements
  // The furthest original byte walked so far. An element whose end tag is implied (<body>, <html> of a
  // fragment) has no end position of its own: gumbo reports its start, often byte 0, and a break mapped
  // there would send the end of the text back to the start of the file (found by fuzz_read_html).
  std::size_t reached = 0;

  std::size_t end_of(const GumboElement& e) const {
    return e.original_end_tag.data ? e.end_pos.offset : e.start_pos.offset + e.original_tag.length;
  }

  void walk(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        for (unsigned i = 0; i < node->v.document.children.length; ++i)
          walk(static_cast<const GumboNode*>(node->v.document.children.data[i]));
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = node->v.element;
        if (skipped_tag(e.tag) || node->type == GUMBO_NODE_TEMPLATE) {
          ignore.emplace_back(e.start_pos.offset, end_of(e));
          return;
        }
        if (e.tag == GUMBO_TAG_BR) {
          out.changed(e.start_pos.offset, e.original_tag.length, "\n");
          return;
        }
        const bool block = block_tag(e.tag);
        if (block) out.block_break(std::max<std::size_t>(e.start_pos.offset, reached));
        for (unsigned i = 0; i < e.children.length; ++i) walk(static_cast<const GumboNode*>(e.children.data[i]));
        reached = std::max(reached, end_of(e));
        if (block) out.block_break(reached);
        return;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: {
        const GumboText& t = node->v.text;
        const char* begin = original.data();
        const char* raw = t.original_text.data;
        std::string_view decoded(t.text);
        if (raw >= begin && raw + t.original_text.length <= begin + original.size()) {
          append_aligned(out, std::string_view(raw, t.original_text.length), static_cast<std::size_t>(raw - begin),
                         decoded, true);
          reached = std::max(reached, static_cast<std::size_t>(raw - begin) + t.original_text.length);
        } else {
          out.changed(t.start_pos.offset, 0, decoded);
        }
        return;
      }
      case GUMBO_NODE_COMMENT:
        return;
    }
  }
};

}  // namespace

result<source> read_html(std::string path, std::string bytes) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!doc) return make_error(error_kind::internal, "the HTML parser gave up", {path, {}, 0, 0});
  walker w;
  w.original = bytes;
  w.walk(doc->document);
  auto sup = scan_suppressions(path, bytes, w.ignore);
  if (!sup) return sup.error();
  source s;
  s.text = w.out.text();
  // The text ends with the body's closing break; one trailing newline is what a text file would have.
  s.map = w.out.finish();
  s.path = std::move(path);
  s.original = std::move(bytes);
  s.format = source_format::html;
  s.suppressions = std::move(*sup);
  return s;
}

}  // namespace doichieu::input::detail
