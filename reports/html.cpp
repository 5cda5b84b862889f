// HTML renderer: one self-contained page an editor opens offline. The reports stand side by side with every
// flagged span highlighted and linked to its finding; hovering or clicking a finding or a span lights up the
// related spans in the other reports; the finding list filters by severity and rule; passed checks are
// listed too.
//
// Safety: every byte of article text goes through escape(); the page's Content-Security-Policy is
// default-src 'none' and allows only our one <script> and one <style> by their SHA-256, so markup inside an
// article (a <script>, an onerror=, a javascript: link) is inert twice over. The script only toggles
// classes and hidden flags; it never builds HTML from strings.
#include <algorithm>
#include <map>
#include <set>

#include "paths.hpp"
#include "renderers.hpp"

namespace doichieu::reports {
namespace {

// The page's own words. They live here rather than in a data file because the page must render even
// when no data directory is around (a report copied to another machine is re-rendered from JSON later).
struct ui_text {
  const char* title;
  const char* reports;
  const char* findings;
  const char* passed;
  const char* rule;
  const char* all_rules;
  const char* none;
  const char* summary;  // printf-free: pieces joined below
  const char* errors;
  const char* warnings;
  const char* infos;
  const char* checks_passed;
  const char* related;
  const char* severity_name[3];
};

const ui_text vi = {"Đối chiếu bản tin",
                    "Bản tin",
                    "Phát hiện",
                    "Phép kiểm tra khớp",
                    "Quy tắc",
                    "Mọi quy tắc",
                    "Không có.",
                    "Đã kiểm tra",
                    "lỗi",
                    "cảnh báo",
                    "thông tin",
                    "phép kiểm tra khớp",
                    "liên quan",
                    {"thông tin", "cảnh báo", "lỗi"}};
const ui_text en = {"Report cross-check",
                    "Reports",
                    "Findings",
                    "Passed checks",
                    "Rule",
                    "All rules",
                    "None.",
                    "Checked",
                    "errors",
                    "warnings",
                    "info",
                    "checks passed",
                    "related",
                    {"info", "warning", "error"}};

// Kept byte-identical from run to run: its hash is in the page's CSP.
constexpr std::string_view style = R"css(
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;font-family:system-ui,"Noto Sans",sans-serif}
body{margin:0;background:#fafafa;color:#1b1b1b}
header{padding:12px 20px;background:#263238;color:#fff}
header h1{margin:0 0 4px;font-size:20px}
main{display:grid;grid-template-columns:minmax(280px,1fr) 3fr;gap:16px;padding:16px}
aside{position:sticky;top:8px;align-self:start;max-height:96vh;overflow:auto}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px;font-size:14px}
.findings,.passed{list-style:none;margin:0;padding:0}
.findings>li,.passed>li{background:#fff;border-left:4px solid var(--info);margin:0 0 8px;padding:8px;border-radius:4px;box-shadow:0 1px 2px #0002;cursor:pointer}
.findings>li.sev-error{border-color:var(--err)}.findings>li.sev-warning{border-color:var(--warn)}
.passed>li{border-color:var(--ok)}
li.active{outline:2px solid #000}
.sev{font-weight:bold;text-transform:uppercase;font-size:12px}
.sev-error .sev{color:var(--err)}.sev-warning .sev{color:var(--warn)}.sev-info .sev{color:var(--info)}
.rule{font-family:monospace;font-size:12px;color:#555}
.locs{margin:4px 0 0;padding-left:16px;font-size:13px;overflow-wrap:anywhere}
.reports{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.report{background:#fff;border-radius:4px;box-shadow:0 1px 2px #0002;padding:8px 12px;min-width:0}
.report h2{font-size:14px;font-family:monospace;margin:4px 0 8px;word-break:break-all}
.text{white-space:pre-wrap;word-wrap:break-word;font-family:Georgia,"Noto Serif",serif;font-size:15px;line-height:1.6;margin:0}
a.hl{color:inherit;text-decoration:none;border-radius:2px;padding:0 1px}
a.hl.sev-error{background:#ffcdd2}a.hl.sev-warning{background:#ffe0b2}a.hl.sev-info{background:#bbdefb}
a.hl.related{background:#e1bee7}a.hl.passed{background:#dcedc8}
a.hl.off{background:none}
a.hl.active{outline:2px solid #000;background:#fff176}
[hidden]{display:none!important}
)css";

constexpr std::string_view script = R"js(
(function(){
  var items=[].slice.call(document.querySelectorAll('li[data-f]'));
  var marks=[].slice.call(document.querySelectorAll('a.hl'));
  function ids(el){return (el.getAttribute('data-f')||'').split(' ');}
  function light(id,on){
    items.concat(marks).forEach(function(el){ if(ids(el).indexOf(id)>=0) el.classList.toggle('active',on); });
  }
  var pinned=null;
  items.concat(marks).forEach(function(el){
    el.addEventListener('mouseenter',function(){ ids(el).forEach(function(i){light(i,true);}); });
    el.addEventListener('mouseleave',function(){ ids(el).forEach(function(i){ if(i!==pinned) light(i,false);}); });
    el.addEventListener('click',function(){
      if(pinned) light(pinned,false);
      pinned=ids(el)[0]; light(pinned,true);
    });
  });
  var sev=[].slice.call(document.querySelectorAll('input[data-sev]'));
  var rule=document.getElementById('rule-filter');
  function apply(){
    var shown={};
    sev.forEach(function(c){shown[c.getAttribute('data-sev')]=c.checked;});
    var visible={};
    items.forEach(function(li){
      if(!li.classList.contains('finding')){ visible[li.getAttribute('data-f')]=true; return; }
      var ok=shown[li.getAttribute('data-sev')] && (!rule.value || rule.value===li.getAttribute('data-rule'));
      li.hidden=!ok; if(ok) visible[li.getAttribute('data-f')]=true;
    });
    marks.forEach(function(m){
      m.classList.toggle('off',!ids(m).some(function(i){return visible[i];}));
    });
  }
  sev.forEach(function(c){c.addEventListener('change',apply);});
  rule.addEventListener('change',apply);
  document.documentElement.setAttribute('data-ready','1');
})();
)js";

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

struct mark {
  std::size_t start, end;
  std::size_t finding;  // index into the page's finding list
  bool primary;
  severity level;
  bool passed;  // a verified figure: painted green, under any finding
};

// The text of one report with highlights. Spans may overlap: the text is cut at every span boundary and
// each piece is wrapped once, carrying every finding that covers it.
std::string highlighted(const document& doc, std::vector<mark> marks, std::size_t doc_index) {
  std::set<std::size_t> cuts = {0, doc.original.size()};
  for (auto& m : marks) {
    m.start = std::min(m.start, doc.original.size());
    m.end = std::min(std::max(m.end, m.start), doc.original.size());
    cuts.insert(m.start);
    cuts.insert(m.end);
  }
  std::vector<std::size_t> points(cuts.begin(), cuts.end());
  std::string out;
  std::set<std::pair<std::size_t, std::size_t>> anchored;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const std::size_t a = points[i], b = points[i + 1];
    std::string_view piece(doc.original.data() + a, b - a);
    std::vector<const mark*> cover;
    for (const auto& m : marks)
      if (m.start <= a && b <= m.end && m.start < m.end) cover.push_back(&m);
    // Anchors for the finding list's links sit where a span starts.
    for (const auto& m : marks)
      if (m.start == a && anchored.insert({m.finding, m.start}).second)
        out += "<span id=\"d" + std::to_string(doc_index) + "-" + std::to_string(m.finding) + "-" +
               std::to_string(m.start) + "\"></span>";
    if (cover.empty()) {
      out += escape(piece);
      continue;
    }
    bool primary = false, problem = false;
    severity level = severity::info;
    std::string fids;
    std::set<std::size_t> seen;
    // Findings first so a span's link goes to the problem rather than to a check that passed.
    std::stable_sort(cover.begin(), cover.end(), [](const mark* x, const mark* y) { return !x->passed && y->passed; });
    for (const mark* m : cover) {
      if (!m->passed) {
        problem = true;
        primary = primary || m->primary;
        if (m->primary && m->level > level) level = m->level;
      }
      if (seen.insert(m->finding).second) fids += (fids.empty() ? "" : " ") + ("f" + std::to_string(m->finding));
    }
    std::string cls = !problem ? "hl passed" : primary ? "hl sev-" + std::string(to_string(level)) : "hl related";
    out += "<a class=\"" + cls + "\" href=\"#" + fids.substr(0, fids.find(' ')) + "\" data-f=\"" + fids + "\">" +
           escape(piece) + "</a>";
  }
  return out;
}

void finding_item(std::ostream& out, const finding& f, std::size_t index, const check_report& report,
                  const ui_text& ui, bool en, bool passed) {
  const std::string id = "f" + std::to_string(index);
  const std::string sev(to_string(f.level));
  out << "<li id=\"" << id << "\" class=\"" << (passed ? "check" : "finding") << " sev-" << sev
      << "\" data-f=\"" << id << "\" data-sev=\"" << sev << "\" data-rule=\"" << escape(f.rule) << "\">";
  if (!passed) out << "<span class=\"sev\">" << ui.severity_name[static_cast<int>(f.level)] << "</span> ";
  out << "<span class=\"rule\">" << escape(f.rule) << "</span><div class=\"msg\">"
      << escape((en && !f.message_en.empty()) ? f.message_en : f.message) << "</div>";
  if (!f.locations.empty()) {
    out << "<ul class=\"locs\">";
    for (std::size_t i = 0; i < f.locations.size(); ++i) {
      const location& l = f.locations[i];
      if (l.document >= report.reports.size()) continue;
      out << "<li><a href=\"#d" << l.document << '-' << index << '-' << std::min(l.where.start, report.reports[l.document].doc.original.size())
          << "\">" << escape(repo_relative(report.reports[l.document].doc.path)) << ':' << l.where.line << ':'
          << l.where.column << "</a> " << (i ? std::string("(") + ui.related + ") " : std::string()) << "«"
          << escape(l.text) << "»</li>";
    }
    out << "</ul>";
  }
  out << "</li>\n";
}

}  // namespace

void render_check_html(const check_report& report, const render_options& opts, std::ostream& out) {
  const bool use_en = opts.lang == "en";
  const ui_text& ui = use_en ? en : vi;
  // Findings first, then passed checks: one index space so both can be linked and highlighted.
  std::vector<std::pair<const finding*, bool>> all;
  for (const auto& f : report.findings) all.emplace_back(&f, false);
  for (const auto& f : report.passed) all.emplace_back(&f, true);
  std::vector<std::vector<mark>> marks(report.reports.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const finding& f = *all[i].first;
    for (std::size_t k = 0; k < f.locations.size(); ++k) {
      const location& l = f.locations[k];
      if (l.document < marks.size())
        marks[l.document].push_back({l.where.start, l.where.end, i, k == 0, f.level, all[i].second});
    }
  }
  std::size_t counts[3] = {0, 0, 0};
  std::set<std::string> rules;
  for (const auto& f : report.findings) {
    ++counts[static_cast<int>(f.level)];
    rules.insert(f.rule);
  }
  for (const auto& r : report.rules) rules.insert(r.id);

  out << "<!DOCTYPE html>\n<html lang=\"" << (use_en ? "en" : "vi") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"
      << sha256_base64(script) << "'; style-src 'sha256-" << sha256_base64(style)
      << "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"doichieu 0.1.0\">\n<title>" << ui.title << "</title>\n<style>" << style
      << "</style>\n</head>\n<body>\n<header><h1>" << ui.title << "</h1><div class=\"summary\">" << ui.summary << ' '
      << report.reports.size() << ' ' << (use_en ? "report(s)" : "bản tin") << ": <b>" << counts[2] << "</b> "
      << ui.errors << ", <b>" << counts[1] << "</b> " << ui.warnings << ", <b>" << counts[0] << "</b> " << ui.infos
      << ", <b>" << report.passed.size() << "</b> " << ui.checks_passed << "</div></header>\n<main>\n<aside>\n";
  out << "<h2>" << ui.findings << "</h2>\n<div class=\"filters\">";
  for (int s = 2; s >= 0; --s) {
    const std::string name(to_string(static_cast<severity>(s)));
    out << "<label><input type=\"checkbox\" checked data-sev=\"" << name << "\"> " << ui.severity_name[s]
        << " (" << counts[s] << ")</label>";
  }
  out << "<label>" << ui.rule << " <select id=\"rule-filter\"><option value=\"\">" << ui.all_rules << "</option>";
  for (const auto& r : rules) out << "<option value=\"" << escape(r) << "\">" << escape(r) << "</option>";
  out << "</select></label></div>\n<ul class=\"findings\">\n";
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!all[i].second) finding_item(out, *all[i].first, i, report, ui, use_en, false);
  out << "</ul>\n";
  if (report.findings.empty()) out << "<p class=\"none\">" << ui.none << "</p>\n";
  out << "<h2>" << ui.passed << "</h2>\n<ul class=\"passed\">\n";
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].second) finding_item(out, *all[i].first, i, report, ui, use_en, true);
  out << "</ul>\n";
  if (report.passed.empty()) out << "<p class=\"none\">" << ui.none << "</p>\n";
  out << "</aside>\n<section class=\"reports\" aria-label=\"" << ui.reports << "\">\n";
  for (std::size_t d = 0; d < report.reports.size(); ++d) {
    const document& doc = report.reports[d].doc;
    out << "<article class=\"report\" id=\"doc" << d << "\"><h2>" << escape(repo_relative(doc.path))
        << "</h2><pre class=\"text\">" << highlighted(doc, marks[d], d) << "</pre></article>\n";
  }
  out << "</section>\n</main>\n<script>" << script << "</script>\n</body>\n</html>\n";
}

}  // namespace doichieu::reports
