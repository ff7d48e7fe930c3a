// Work a command's start no longer does (the compiled CLI): string-width's Unicode tables (an Intl.Segmenter and
// the RGI_Emoji set, ~80 ms) are built only when help text is laid out — at import they were built for every
// command (scripts/build-cli.mjs defers the module), and yargs laid out each command's help after its handler
// (src/cli/main.ts skips that). A preload counts the Intl.Segmenters made.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'calisim-start-up-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COUNT_SEGMENTERS =
  'data:text/javascript,import{writeFileSync}from"node:fs";let n=0;const S=Intl.Segmenter;Intl.Segmenter=class extends S{constructor(...a){super(...a);n++;}};process.on("exit",()=>writeFileSync(process.env.SEGMENTERS_OUT,String(n)));';

function segmentersMade(args: readonly string[]): number {
  const out = join(tmp, 'count');
  const r = spawnSync(process.execPath, ['--import', COUNT_SEGMENTERS, join(root, 'bin', 'calisim.js'), ...args], {
    cwd: root,
    env: { ...process.env, SEGMENTERS_OUT: out, CALISIM_CACHE_DIR: '' },
    stdio: 'ignore',
  });
  expect(r.status).toBe(0);
  return Number(readFileSync(out, 'utf8'));
}

describe("a command's start", () => {
  it('lays out help text for --help (the probe sees it)', () => {
    expect(segmentersMade(['--help'])).toBeGreaterThan(0);
  });

  it('builds no Unicode width tables for a command that prints no help', () => {
    expect(segmentersMade(['validate', 'scenarios/giantnetes.yaml'])).toBe(0);
    expect(segmentersMade(['--version'])).toBe(0);
  });
});
