// Parses rendered configurations with the real BIRD 1.6 (`bird -p -c FILE`, Debian package `bird`).
// Runs whenever CI is set (a missing bird then fails); without CI it skips when bird is not installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBirdConfig, renderBirdFiles } from '../../../src/emit/bird/render-bird-config.js';
import type { NodeBgpConfig } from '../../../src/model/bgp/types.js';
import { externalPeerCase, meshCase, recipeCases, routeReflectorCase } from './confd-cases.js';

// Debian installs bird in /usr/sbin, which is not on every user's PATH.
const BIRD = ['bird', '/usr/sbin/bird', '/usr/local/sbin/bird'].find((b) => !spawnSync(b, ['--version']).error) ?? 'bird';
const probe = spawnSync(BIRD, ['--version'], { encoding: 'utf8' });
const version = probe.error ? undefined : `${probe.stdout}${probe.stderr}`.trim();
const enabled = version !== undefined || process.env['CI'] !== undefined;
if (!enabled) console.warn('bird-parse: `bird` (BIRD 1.6) is not installed and CI is unset; skipping the real-parser test');

const dir = mkdtempSync(join(tmpdir(), 'calisim-bird-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `bird -p -c` on `file`; returns exit status and messages. */
function birdParse(file: string): { status: number | null; output: string } {
  const r = spawnSync(BIRD, ['-p', '-c', file], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const cases: [string, () => NodeBgpConfig[]][] = [
  ['full mesh (confd mesh/ipip-cross-subnet)', () => [meshCase()]],
  ['route reflector (confd explicit_peering/route_reflector)', () => [routeReflectorCase()]],
  ['route-reflector recipe: reflector and client', recipeCases],
  ['external peers with every optional directive', () => [externalPeerCase()]],
];

describe.skipIf(!enabled)(`real BIRD parses the rendered configuration (${version ?? 'bird missing'})`, () => {
  it('is BIRD 1.6', () => {
    expect(version).toMatch(/BIRD version 1\.6\./);
  });

  for (const [name, make] of cases) {
    it(`${name}: one self-contained bird.cfg`, () => {
      for (const cfg of make()) {
        const file = join(dir, `${cfg.node}-inline.cfg`);
        writeFileSync(file, renderBirdConfig(cfg));
        expect(birdParse(file)).toEqual({ status: 0, output: '' });
      }
    });

    it(`${name}: the three files confd writes`, () => {
      for (const cfg of make()) {
        const sub = mkdtempSync(join(dir, 'split-'));
        for (const [f, text] of Object.entries(renderBirdFiles(cfg))) writeFileSync(join(sub, f), text);
        expect(birdParse(join(sub, 'bird.cfg'))).toEqual({ status: 0, output: '' });
      }
    });
  }

  it('the parser check can fail: a broken directive is rejected', () => {
    const file = join(dir, 'broken.cfg');
    writeFileSync(file, renderBirdConfig(meshCase()).replace('multihop;', 'multihop always;'));
    const r = birdParse(file);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/syntax error/);
  });
});
