// Test helpers for the scenario stage: scenarios written to temporary files, and the diagnostics a load throws.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError, type Diagnostic } from '../../src/lib/diagnostics.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

/** The diagnostics a load throws (fails the test when it does not throw). */
export function diagnosticsOf(path: string): readonly Diagnostic[] {
  try {
    loadScenario(path);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error(`${path} loaded without errors`);
}

/** `line:col path: message` of each diagnostic. */
export function brief(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`);
}

/** Writes files (relative path → text) into a fresh temporary folder; returns the folder. */
export function tempTree(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calisim-scenario-'));
  for (const [rel, text] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** Writes a scenario to a temporary file. */
export function scenarioFile(text: string, name = 'scenario.yaml'): string {
  return join(tempTree({ [name]: text }), name);
}
