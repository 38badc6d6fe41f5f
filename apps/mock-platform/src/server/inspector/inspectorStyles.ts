/** The inspector page's inline style sheet: system fonts, compact tables, one colour per room state. */
export const INSPECTOR_STYLES = `
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; --bg-alt: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; margin-bottom: 12px; }
h1 { font-size: 20px; margin: 0; }
h2 { font-size: 16px; margin: 24px 0 8px; }
form, .controls { display: flex; align-items: center; gap: 8px; }
input[type="text"] { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; width: 14em; }
button { font: inherit; white-space: nowrap; padding: 2px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg-alt); cursor: pointer; }
button:hover { border-color: var(--accent); }
.error { margin: 8px 0; padding: 8px 12px; border: 1px solid #cf222e; border-radius: 4px; background: #ffebe9; color: #82071e; white-space: pre-wrap; }
.error[hidden] { display: none; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.num { text-align: right; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); font-weight: 600; }
tr.clickable { cursor: pointer; }
tr.clickable:hover td { background: #f0f6ff; }
tr.selected td { background: #ddf4ff; }
tr.refusal td { background: #fff8c5; }
td.actions div { display: flex; flex-wrap: wrap; gap: 4px; }
.nowrap { white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #eaeef2; }
.badge.created { background: #eaeef2; }
.badge.ringing { background: #fff1c2; color: #7d4e00; }
.badge.connecting { background: #ddf4ff; color: #0550ae; }
.badge.talking { background: #dafbe1; color: #116329; }
.badge.ended { background: #eaeef2; color: var(--muted); }
.clock { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; }
.clock ul { margin: 4px 0 0; padding-left: 20px; flex-basis: 100%; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 24px; }
@media (max-width: 1100px) { .grid { grid-template-columns: minmax(0, 1fr); } }
`;
