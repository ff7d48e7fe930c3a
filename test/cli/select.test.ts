import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('calisim select', () => {
  it('evaluates a selector on --labels with Calico missing-label rules', () => {
    const q = (sel: string, labels: object) => JSON.parse(runCli(['select', sel, '--labels', JSON.stringify(labels), '--format', 'json']).stdout);
    expect(q("app == 'web' && has(tier)", { app: 'web', tier: '' })).toEqual({ matches: true });
    // `!=` and `not in` are true when the label is absent; `==` is false.
    expect(q("env != 'prod'", {})).toEqual({ matches: true });
    expect(q("env not in {'prod'}", {})).toEqual({ matches: true });
    expect(q("env == 'prod'", {})).toEqual({ matches: false });
  });

  it('exits 2 naming the column of an invalid selector', () => {
    const r = runCli(['select', "app == 'web' && tier ==", '--labels', '{}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column 24/);
    expect(runCli(['select', 'has (a)', '--labels', '{}']).code).toBe(2);
  });

  it('lists the endpoints a selector selects in a scenario, with automatic labels', () => {
    const r = runCli(['select', "projectcalico.org/namespace == 'data' && app == 'db'", 'scenarios/giantnetes.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const names = JSON.parse(r.stdout).endpoints.map((e: { cluster: string; namespace: string; name: string }) => `${e.cluster}/${e.namespace}/${e.name}`);
    expect(names).toEqual(['acme/data/db-0', 'acme/data/db-1', 'globex/data/db-0', 'globex/data/db-1', 'initech/data/db-0', 'initech/data/db-1']);
  });

  it('refuses --at and -n with --labels (no scenario is read), and still matches labels', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    refused(['select', "app == 'web'", '--labels', '{"app":"web"}', '--at', '5m'], /^calisim: --at: --labels is matched as given, without a scenario; it does not apply/);
    refused(['select', "app == 'web'", '--labels', '{"app":"web"}', '-n', 'shop', '--at', '5m'], /^calisim: --at, --namespace: .*; they do not apply/);
    expect(runCli(['select', "app == 'web'", '--labels', '{"app":"web"}'])).toMatchObject({ code: 0, stdout: 'matches\n' });
  });
});
