// The pull-request comment: header counts, the failure table, collapsible counterexamples, passed
// assertions collapsed; user text cannot break the table, inject HTML or close the code fence early.
import { describe, expect, it } from 'vitest';
import { renderCheckMarkdown } from '../../../src/emit/check/render-check-markdown.js';
import { checkReport, nastyReport, passed } from './sample-reports.js';

/** Lines outside fenced code blocks. */
function outsideFences(md: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence === undefined && m) fence = m[1];
    else if (fence !== undefined && line === fence) fence = undefined;
    else if (fence === undefined) out.push(line);
  }
  expect(fence, 'every fence is closed').toBeUndefined();
  return out;
}

describe('renderCheckMarkdown', () => {
  const md = renderCheckMarkdown(checkReport());

  it('has a header with the counts and a table of failures', () => {
    expect(md.startsWith('## ❌ calisim check: shop — 1 failed, 1 unknown, 1 passed\n')).toBe(true);
    expect(md).toContain('| Status | Assertion | When | Flow | Responsible |\n|---|---|---|---|---|\n');
    expect(md).toContain(
      '| ❌ FAIL | reach/2: shop frontend reaches backend on 8080 | t=1m30s | acme/shop/frontend-6d9f (10.10.1.5) → acme/shop/backend-7c4b (10.10.2.7) TCP 8080 | policies/deny-all.yaml:3:1 (GlobalNetworkPolicy default.deny-all) |',
    );
    expect(md).toContain('| ⚠️ UNKNOWN | bgp-convergence/globex: globex converges within 30s | t=2m0.5s | — | — |');
  });

  it('folds each counterexample into <details> with its trace, and the passed assertions at the end', () => {
    expect(md).toContain('<details>\n<summary>❌ reach/2: shop frontend reaches backend on 8080 (t=1m30s)</summary>\n\n```text\n');
    expect(md).toContain('trace:\n  1. frontend-6d9f eth0 → cali1234 on node acme-w1\n');
    expect(md).toContain('<details>\n<summary>✅ 1 passed</summary>\n\n- isolation/acme-&gt;globex: acme cannot reach globex\n\n</details>\n');
    expect(md.endsWith('</details>\n')).toBe(true);
  });

  it('all passing: a green header and no table', () => {
    const ok = renderCheckMarkdown(checkReport([passed]));
    expect(ok.startsWith('## ✅ calisim check: shop — 0 failed, 0 unknown, 1 passed\n')).toBe(true);
    expect(ok).not.toContain('| Status |');
  });

  it('escapes user text: one row per table line, no raw HTML, fences longer than any backtick run', () => {
    const nasty = renderCheckMarkdown(nastyReport());
    const lines = outsideFences(nasty);
    for (const row of lines.filter((l) => l.startsWith('| '))) expect(row.split(/(?<!\\)\|/).length, row).toBe(7);
    const tags = lines.join('\n').match(/<\/?[a-z]+[^>]*>/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<details>', '</details>', '<summary>', '</summary>', '<br>']));
    expect(nasty).toContain('\n````text\n');
    expect(nasty).toContain('a&lt;b &amp; "c"');
    expect(renderCheckMarkdown(nastyReport())).toBe(nasty);
  });
});
