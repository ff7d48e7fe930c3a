// ajv validators for the emitter tests: draft-07 (calisim's own check/diff schemas) and draft-04 (the
// official SARIF 2.1.0 schema shipped by @microsoft/jest-sarif), both checking string formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both are CommonJS with `exports.default`; under NodeNext a default import is the whole module.exports.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;
const require = createRequire(import.meta.url);

/** The SARIF 2.1.0 (rtm.5) JSON schema file inside @microsoft/jest-sarif. */
export const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** A draft-07 validator for `schema`. */
export function draft07(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The official SARIF 2.1.0 schema (draft-04) compiled, formats (uri, uri-reference, date-time) checked. */
export function sarifValidator(): ValidateFunction {
  // strict off: ajv's strict mode rejects valid draft-04 idioms the schema uses (`required` naming a
  // property defined in a sibling branch, as in artifactLocation's anyOf);
  // unicodeRegExp off: its language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` has a stray `]`
  // that only non-Unicode regular expressions accept (as ECMAScript-based validators read it).
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>);
}

/** Errors as `path: message` lines, for readable assertion failures. */
export function errorsText(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}`);
}
