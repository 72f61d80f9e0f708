// The site stylesheet (light, dark via prefers-color-scheme, print).
#include "emit/site_assets.hpp"

namespace rbc::emit::site {

std::string_view stylesheet() {
  static constexpr std::string_view kCss = R"css(
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #ffffff; --text: #1c2128; --muted: #656d76; --border: #d8dee4;
  --accent: #0b63ce; --code-bg: #f1f3f5;
  --crit-bg: #fde8e8; --crit-fg: #b42318; --warn-bg: #fff4d6; --warn-fg: #8a5300;
  --info-bg: #e6f0fd; --info-fg: #1d4e9e; --ok-bg: #e3f6e8; --ok-fg: #1a7f37;
  --pq-metric: #0550ae; --pq-fn: #8250df; --pq-label: #953800; --pq-num: #0a7d6c;
  --pq-str: #0a3069; --pq-op: #cf222e; --pq-kw: #a40e26;
  --shadow: 0 1px 2px rgba(27, 31, 36, .06), 0 1px 8px rgba(27, 31, 36, .05);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1318; --surface: #171c23; --text: #e6edf3; --muted: #8d96a0; --border: #2d333b;
    --accent: #58a6ff; --code-bg: #1f252d;
    --crit-bg: #4a1618; --crit-fg: #ffb4ab; --warn-bg: #43300a; --warn-fg: #f2cc60;
    --info-bg: #12294a; --info-fg: #a5cdff; --ok-bg: #12351f; --ok-fg: #7ee2a0;
    --pq-metric: #79c0ff; --pq-fn: #d2a8ff; --pq-label: #ffa657; --pq-num: #56d4bc;
    --pq-str: #a5d6ff; --pq-op: #ff7b72; --pq-kw: #ff9492;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .lc { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
.topbar { background: var(--surface); border-bottom: 1px solid var(--border); position: sticky; top: 0; z-index: 1; }
.topnav { max-width: 1100px; margin: 0 auto; padding: 12px 24px; display: flex; gap: 8px; align-items: baseline; }
.brand { font-weight: 650; color: var(--text); letter-spacing: -0.01em; }
.crumb { color: var(--muted); overflow-wrap: anywhere; }
.page { max-width: 1100px; margin: 0 auto; padding: 24px; }
.footer { max-width: 1100px; margin: 0 auto; padding: 8px 24px 32px; color: var(--muted); font-size: 13px; }
.muted { color: var(--muted); }
.page-title { font-size: 28px; margin: 8px 0 16px; letter-spacing: -0.02em; }
.section-title { font-size: 18px; margin: 32px 0 8px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin-bottom: 20px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; box-shadow: var(--shadow); }
.stat-n { display: block; font-size: 24px; font-weight: 650; }
.stat-l { color: var(--muted); font-size: 13px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 12px; }
.filters input, .filters select {
  font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border);
  border-radius: 8px; padding: 7px 12px;
}
.filters input { flex: 1 1 260px; }
.filters input:focus, .filters select:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); }
table.alerts { width: 100%; border-collapse: collapse; }
.alerts th, .alerts td { text-align: left; padding: 9px 14px; border-bottom: 1px solid var(--border); vertical-align: top; }
.alerts th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
.alerts tbody tr:last-child td { border-bottom: 0; }
.alerts tbody tr:hover { background: var(--code-bg); }
.alert-name { font-weight: 600; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; line-height: 1.6; white-space: nowrap; }
.sev-critical, .verdict-error { background: var(--crit-bg); color: var(--crit-fg); }
.sev-warning, .verdict-warn { background: var(--warn-bg); color: var(--warn-fg); }
.sev-info { background: var(--info-bg); color: var(--info-fg); }
.sev-other { background: var(--code-bg); color: var(--muted); }
.verdict-ok { background: var(--ok-bg); color: var(--ok-fg); }
.runbook-list { padding-left: 20px; }
.alert-strip { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 16px; }
.strip-label { color: var(--muted); font-size: 13px; margin-right: 4px; }
.chip { border: 1px solid var(--border); background: var(--surface); border-radius: 999px; padding: 1px 10px; font-size: 13px; }
.markdown { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 8px 32px 24px; box-shadow: var(--shadow); overflow-wrap: break-word; }
.markdown h1, .markdown h2 { border-bottom: 1px solid var(--border); padding-bottom: .3em; }
.markdown h1, .markdown h2, .markdown h3, .markdown h4 { margin: 1.4em 0 .6em; line-height: 1.25; scroll-margin-top: 64px; }
.markdown code { background: var(--code-bg); border-radius: 5px; padding: .15em .35em; }
.markdown pre { background: var(--code-bg); border-radius: 8px; padding: 12px 16px; overflow-x: auto; }
.markdown pre code { background: none; padding: 0; }
.markdown table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
.markdown th, .markdown td { border: 1px solid var(--border); padding: 6px 12px; }
.markdown blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
.markdown img { max-width: 100%; }
.markdown li.task-list-item, .markdown ul > li > input[type=checkbox] { list-style: none; }
.rule-card { border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 10px; background: var(--bg); padding: 14px 18px; margin: 12px 0 20px; scroll-margin-top: 64px; }
.rule-card:target { outline: 2px solid var(--accent); }
.card-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.card-kind { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.card-name { font-weight: 650; font-size: 16px; }
pre.promql { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; white-space: pre-wrap; word-break: break-word; margin: 8px 0 12px; }
.markdown pre.promql { background: var(--surface); }
.pq-metric { color: var(--pq-metric); } .pq-fn { color: var(--pq-fn); font-weight: 600; }
.pq-label { color: var(--pq-label); } .pq-num { color: var(--pq-num); } .pq-str { color: var(--pq-str); }
.pq-op { color: var(--pq-op); } .pq-kw { color: var(--pq-kw); font-weight: 600; }
table.facts { border-collapse: collapse; width: 100%; display: table; margin: 0; }
.markdown table.facts th, .markdown table.facts td { border: 0; border-top: 1px solid var(--border); padding: 6px 8px; vertical-align: top; }
table.facts th { width: 120px; text-align: left; color: var(--muted); font-weight: 600; font-size: 13px; }
.kv { list-style: none; margin: 0; padding: 0; }
.kv.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.kv.chips li { background: var(--code-bg); border-radius: 6px; padding: 0 8px; font-size: 13px; }
.kv.chips .kv-key::after { content: "="; color: var(--muted); }
.kv.annotations li { margin-bottom: 4px; }
.kv.annotations .kv-key { display: block; font-size: 12px; font-weight: 600; color: var(--muted); }
.kv.annotations .kv-value { white-space: pre-wrap; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side-label { font-size: 12px; font-weight: 600; color: var(--muted); }
.diags { list-style: none; margin: 0; padding: 0; }
.diag { margin-bottom: 4px; }
.diag-sev { font-size: 12px; font-weight: 650; text-transform: uppercase; }
.diag-error .diag-sev { color: var(--crit-fg); } .diag-warning .diag-sev { color: var(--warn-fg); } .diag-info .diag-sev { color: var(--info-fg); }
.verdict.ok { color: var(--ok-fg); font-weight: 600; }
.cards-extra { margin-top: 24px; }
.cards-extra-title { font-weight: 650; }
.source-title { font-size: 20px; margin: 4px 0 12px; }
table.source { border-collapse: collapse; width: 100%; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; }
table.source td { padding: 0 12px; vertical-align: top; }
.ln { text-align: right; user-select: none; width: 1%; border-right: 1px solid var(--border); }
.ln a { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
.lc { white-space: pre-wrap; word-break: break-all; }
table.source tr:target { background: var(--warn-bg); }
tr[hidden], [hidden] { display: none !important; }
@media (max-width: 700px) {
  .sides { grid-template-columns: 1fr; }
  .markdown { padding: 4px 16px 16px; }
  .page { padding: 16px; }
}
@media print {
  :root { --bg: #fff; --surface: #fff; --text: #000; --muted: #444; --border: #bbb; --code-bg: #f3f3f3; --shadow: none; }
  body { font-size: 11pt; }
  .topbar, .filters, .alert-strip, .footer, #filter-count { display: none; }
  .page { max-width: none; padding: 0; }
  .markdown, .table-wrap, .stat { border: 0; box-shadow: none; padding: 0; }
  .rule-card { break-inside: avoid; border-left-width: 3px; }
  a { color: inherit; }
  .markdown a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; color: var(--muted); }
  pre, pre.promql { white-space: pre-wrap; }
}
)css";
  return kCss;
}

}  // namespace rbc::emit::site
