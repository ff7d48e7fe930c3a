// emit/viz: the self-contained page — the bundled script, its styles and the viz data (packed) inline, under a
// Content-Security-Policy that forbids every network request (default-src 'none'; the inline script and
// style allowed by their SHA-256 hashes, CSP Level 2 §4.2.4), so it works opened straight from disk.
import { createHash } from 'node:crypto';
import { packJsonText, type Json } from './pack-json.js';
import type { VizDocument } from './build-viz-data.js';

/** The page's bundled assets, as `scripts/build-viz.mjs` writes them. */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
}

/** Renders the page; the same data and assets give byte-identical HTML. */
export function renderVizHtml(data: VizDocument, assets: PageAssets): string {
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const style = assets.style.replace(/<\/(style)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `script-src '${hash(script)}'`,
    `style-src '${hash(style)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>calisim — ${escapeHtml(data.scenario)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<script id="viz-data" type="application/json">${embedJson(data)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The data's packed wire form as JSON safe inside a script element: no `<` (so no `</script>` or `<!--`), no
 * line separators. (The viz data is plain JSON and a column table: interfaces lack Json's index signature, hence the cast.)
 */
function embedJson(data: VizDocument): string {
  return packJsonText(data as unknown as Json).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
