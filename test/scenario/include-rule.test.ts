// Includes stay inside the scenario's own folder tree: a path or a symbolic link out of it is refused at the
// include entry (without reading the file) unless --include-outside allows it.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLimits } from '../../src/lib/limits.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf, tempTree } from './helpers.js';

const FRAGMENT = 'tenants: [{ name: b, underlay: { physical: { cidr: 10.1.0.0/24 } } }]\n';

function layout(): { root: string; scenario: string } {
  const root = tempTree({ 'outside.yaml': FRAGMENT, 'secret.txt': 'TOKEN=hunter2\n', 'inside/own.yaml': FRAGMENT.replace('name: b', 'name: c').replace('10.1.', '10.2.') });
  symlinkSync(join(root, 'secret.txt'), join(root, 'inside', 'link.yaml'));
  mkdirSync(join(root, 'inside', 'manifests'));
  symlinkSync(join(root, 'secret.txt'), join(root, 'inside', 'manifests', 'link.yaml'));
  return { root, scenario: join(root, 'inside', 'scenario.yaml') };
}

afterEach(() => setLimits({}));

describe('the include rule', () => {
  it('reads an include inside the folder, refuses ../ and a symlink out, quoting no contents', () => {
    const { root, scenario } = layout();
    writeFileSync(scenario, 'include: [own.yaml, ../outside.yaml, link.yaml]\ntenants: [{ name: a, underlay: { physical: { cidr: 10.0.0.0/24 } }, include: [manifests/] }]\n');
    const found = brief(diagnosticsOf(scenario));
    expect(found).toEqual([
      `1:21 include[1]: ${join(root, 'inside', '../outside.yaml')} is outside the scenario's folder ${join(root, 'inside')} (or links out of it); pass --include-outside to allow it`,
      `1:38 include[2]: ${join(root, 'inside', 'link.yaml')} is outside the scenario's folder ${join(root, 'inside')} (or links out of it); pass --include-outside to allow it`,
      `2:79 tenants[0].include[0]: ${join(root, 'inside', 'manifests', 'link.yaml')} is outside the scenario's folder ${join(root, 'inside')} (or links out of it); pass --include-outside to allow it`,
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('--include-outside lets a fragment outside be read', () => {
    const { scenario } = layout();
    writeFileSync(scenario, 'include: [own.yaml, ../outside.yaml]\n');
    setLimits({ includeOutside: true });
    expect(loadScenario(scenario).tenants.map((t) => t.name)).toEqual(['c', 'b']);
  });
});
