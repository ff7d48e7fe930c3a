// test helper: a small checker for the subset of OpenAPI v3 (structural schemas, as Kubernetes CRDs use
// them) found in Calico's CRDs: type, properties/additionalProperties (unknown fields rejected, as
// `kubectl apply` strict validation does), required, enum, items, pattern, format, minimum/maximum,
// min/maxLength, min/maxItems, allOf/anyOf, x-kubernetes-int-or-string, -preserve-unknown-fields,
// -list-type: set. CEL rules (x-kubernetes-validations) are not evaluated.

export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

type Schema = { readonly [k: string]: unknown };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FORMATS: Readonly<Record<string, (v: unknown) => boolean>> = {
  int32: (v) => typeof v !== 'number' || (v >= -2147483648 && v <= 2147483647),
  int64: (v) => typeof v !== 'number' || Number.isSafeInteger(v),
  cidr: (v) => typeof v !== 'string' || isCidr(v),
  ip: (v) => typeof v !== 'string' || isIp(v),
  'date-time': (v) => typeof v !== 'string' || !Number.isNaN(Date.parse(v)),
};

function isIp(s: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s)) return true;
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;
}

function isCidr(s: string): boolean {
  const [ip, len, extra] = s.split('/');
  if (ip === undefined || len === undefined || extra !== undefined || !/^\d{1,3}$/.test(len)) return false;
  return isIp(ip) && Number(len) <= (ip.includes(':') ? 128 : 32);
}

/** Go RE2 patterns; an inline `(?i)` (as in `^(?i)(Info|...)$`) becomes JavaScript's `i` flag. */
function regex(pattern: string): RegExp {
  return pattern.includes('(?i)') ? new RegExp(pattern.replaceAll('(?i)', ''), 'i') : new RegExp(pattern);
}

function typeOk(type: unknown, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObj(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

/** Every problem of `value` against `schema` (empty when valid). */
export function checkOpenApi(schema: Schema, value: unknown, path = ''): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const fail = (message: string, at = path): void => {
    out.push({ path: at === '' ? '.' : at, message });
  };
  if (value === null) {
    if (schema['nullable'] !== true) fail('null is not allowed');
    return out;
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) fail('must be an integer or a string');
  } else if (schema['type'] !== undefined && !typeOk(schema['type'], value)) {
    fail(`must be of type ${String(schema['type'])}`);
    return out;
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) fail(`must be one of ${JSON.stringify(schema['enum'])}`);
  const format = typeof schema['format'] === 'string' ? FORMATS[schema['format']] : undefined;
  if (format !== undefined && !format(value)) fail(`does not match format ${String(schema['format'])}`);
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) fail(`must be >= ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) fail(`must be <= ${schema['maximum']}`);
  }
  if (typeof value === 'string') {
    if (typeof schema['pattern'] === 'string' && !regex(schema['pattern']).test(value)) fail(`does not match ${schema['pattern']}`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) fail(`longer than ${schema['maxLength']}`);
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) fail(`shorter than ${schema['minLength']}`);
  }
  if (Array.isArray(value)) checkArray(schema, value, path, out);
  if (isObj(value)) checkObject(schema, value, path, out);
  for (const key of ['allOf', 'anyOf'] as const) {
    const subs = schema[key];
    if (!Array.isArray(subs)) continue;
    const results = subs.filter(isObj).map((s) => checkOpenApi(s, value, path));
    if (key === 'allOf') for (const r of results) out.push(...r);
    else if (!results.some((r) => r.length === 0)) fail('matches none of anyOf');
  }
  return out;
}

function checkArray(schema: Schema, value: readonly unknown[], path: string, out: SchemaProblem[]): void {
  if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) out.push({ path, message: `more than ${schema['maxItems']} items` });
  if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) out.push({ path, message: `fewer than ${schema['minItems']} items` });
  if (schema['x-kubernetes-list-type'] === 'set' && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
    out.push({ path, message: 'duplicate items in a set' });
  }
  const items = schema['items'];
  if (isObj(items)) value.forEach((v, i) => out.push(...checkOpenApi(items, v, `${path}[${i}]`)));
}

function checkObject(schema: Schema, value: Record<string, unknown>, path: string, out: SchemaProblem[]): void {
  const props = isObj(schema['properties']) ? schema['properties'] : undefined;
  const additional = schema['additionalProperties'];
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const req of Array.isArray(schema['required']) ? schema['required'] : []) {
    if (!(String(req) in value)) out.push({ path: `${path}.${String(req)}`, message: 'required' });
  }
  for (const [k, v] of Object.entries(value)) {
    const sub = props?.[k];
    if (isObj(sub)) out.push(...checkOpenApi(sub, v, `${path}.${k}`));
    else if (isObj(additional)) out.push(...checkOpenApi(additional, v, `${path}.${k}`));
    else if (props !== undefined && additional !== true && !preserve) out.push({ path: `${path}.${k}`, message: 'unknown field' });
  }
}
