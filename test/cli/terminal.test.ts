// On a terminal (a pseudo-terminal from util-linux `script`): colours unless NO_COLOR.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../bin/calisim.js', import.meta.url));
const hasScript = spawnSync('script', ['--version']).status === 0;

function onTty(args: string, env: Record<string, string> = {}): string {
  const r = spawnSync('script', ['-qec', `${process.execPath} ${entry} ${args}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...withoutColourEnv(), ...env },
  });
  return r.stdout;
}

function withoutColourEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  return env;
}

describe.skipIf(!hasScript && process.env['CI'] !== 'true')('on a terminal', () => {
  const query = 'reach test/fixtures/manifests/bare-pods --from default/client-two --to default/nginx --port 80';
  it('colours verdicts', () => {
    expect(onTty(query)).toContain('TCP 80: \x1b[31mDENY\x1b[39m');
  });

  it('leaves them plain with NO_COLOR', () => {
    expect(onTty(query, { NO_COLOR: '1' })).toContain('TCP 80: DENY\r\n');
  });

});
