// emit: the sweep's HTML report — one offline page: the results and timings embedded as JSON, and the
// bundled page script (dist/viz/sweep.js, passed in by the caller) that draws the charts from them.
import type { SweepDocument, TimingsDocument } from '../../plan/sweep/sweep-document.js';

/** The page, given the documents and the page script's text. */
export function renderSweepHtml(doc: SweepDocument, timings: TimingsDocument, script: string): string {
  const data = JSON.stringify({ results: doc, timings }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>calisim sweep: ${escapeHtml(doc.sweep.file)}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
.chart { margin: 8px 0 16px; } .legend span { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
table { border-collapse: collapse; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: right; }
.note { color: #666; }
</style>
</head>
<body>
<h1>calisim sweep: ${escapeHtml(doc.sweep.file)} (base ${escapeHtml(doc.sweep.base)}, ${doc.sweep.points} points, seeds ${doc.sweep.seeds.join(', ')})</h1>
<div id="app"></div>
<script type="application/json" id="sweep-data">${data}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
