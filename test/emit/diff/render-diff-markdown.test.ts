// Diff as a pull-request comment: counts, a section per change kind, a table per cluster with the
// deciding rules before → after, and user text that cannot break the table.
import { describe, expect, it } from 'vitest';
import { renderDiffMarkdown } from '../../../src/emit/diff/render-diff-markdown.js';
import { diffReport } from '../check/sample-reports.js';

describe('renderDiffMarkdown', () => {
  const md = renderDiffMarkdown(diffReport());

  it('has the counts, a section per change kind and a table per cluster', () => {
    expect(md.startsWith('## calisim diff: scenarios/shop.yaml → scenarios/shop-next.yaml\n\n**2** newly allowed · **1** newly denied')).toBe(true);
    expect(md.match(/^### .*$/gm)).toEqual(['### Newly allowed (2)', '### Newly denied (1)', '### Changed to unknown (1)', '### Changed from unknown (1)']);
    expect(md).toContain('#### Cluster globex\n\n| Destination | Port | Source: before → after | Egress rule: before → after | Ingress rule: before → after |');
    expect(md).toContain(
      '| shop/backend\\[Deployment\\] | TCP 443 | shop/frontend\\[Deployment\\]: deny → allow (staged: would change if enforced) | not evaluated<br>→ not evaluated | deny — end of tier default, no rule matched at policies/deny-all.yaml:3<br>→ allow — rule 1 of StagedNetworkPolicy shop/default.allow-tls in tier default at policies/tls.yaml:12 |',
    );
    for (const row of md.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(/(?<!\\)\|/).length, row).toBe(7);
  });

  it('escapes names: pipes, brackets, HTML and newlines stay inside their cell', () => {
    const d = diffReport();
    const first = d.changes[0];
    if (first === undefined) throw new Error('fixture');
    const evil = 'a|b<script>x</script>\n`c`';
    const md2 = renderDiffMarkdown({ ...d, before: evil, changes: [{ ...first, cluster: evil, to: { ...first.to, workload: evil } }] });
    for (const row of md2.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(/(?<!\\)\|/).length, row).toBe(7);
    expect(md2).not.toContain('<script>');
    expect(md2).toContain('a\\|b&lt;script&gt;x&lt;/script&gt;');
  });
});
