// Values of a BGPConfiguration reach a node's bird.cfg only after Calico's own validator rule for their field
// (validator.go ignoredInterfaceRegex, `net`, community values): a crafted value is an error, never a statement.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-bird-'));

function scenario(spec: string): string {
  const file = join(dir, `s${readdirSync(dir).length}.yaml`);
  writeFileSync(file, [
    'tenants:',
    '  - name: a',
    '    underlay: { physical: { cidr: 10.0.0.0/24 } }',
    '    nodes: { count: 1, name: "a-{i}" }',
    '    policies:',
    '      - apiVersion: projectcalico.org/v3',
    '        kind: BGPConfiguration',
    '        metadata: { name: default }',
    `        spec: ${spec}`,
  ].join('\n'));
  return file;
}

const PAYLOAD = 'protocol static evil { route 0.0.0.0/0 via 10.0.0.9; }';

describe('BGPConfiguration values written into BIRD', () => {
  it.each([
    ['ignoredInterfaces', `{ ignoredInterfaces: ["x\\"; } ${PAYLOAD} #"] }`, 'spec.ignoredInterfaces[0]: BGPConfiguration "default": a value of 62 characters is not an interface name'],
    ['prefixAdvertisements cidr', `{ prefixAdvertisements: [{ cidr: "0.0.0.0/0 ) then { accept; } ${PAYLOAD} #" }] }`, 'spec.prefixAdvertisements[0].cidr: BGPConfiguration "default": a value of'],
    ['a community value', `{ communities: [{ name: c, value: "1:1)); } ${PAYLOAD} #" }], prefixAdvertisements: [{ cidr: 10.9.0.0/16, communities: [c] }] }`, 'community `c`: its value is not a BGP community value'],
  ])('a crafted %s is refused by validate and manifests, which writes nothing', async (_, spec, message) => {
    const file = scenario(spec);
    const v = await runMain(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(message);
    const out = join(dir, 'out');
    const m = await runMain(['manifests', file, '-o', out, '--quiet']);
    expect(m.code).toBe(2);
    expect(() => readdirSync(out)).toThrow();
  });

  it('valid values are written as Calico writes them', async () => {
    const file = scenario('{ ignoredInterfaces: ["eth9", "vxlan.*"] }');
    const out = join(dir, 'good');
    expect((await runMain(['manifests', file, '-o', out, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'a', 'bird', 'a-1.cfg'), 'utf8')).toContain('interface -"eth9", -"vxlan.*", -"cali*", -"kube-ipvs*", "*";');
  });
});
