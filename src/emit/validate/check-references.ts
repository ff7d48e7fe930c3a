// emit: do the names an object set refers to exist in it? — namespaces of namespaced objects, the
// ServiceAccounts, ConfigMaps (and their keys), Secrets and PriorityClasses pod templates use, the roles and
// subjects of role bindings, Ingress backends and the Multus networks of VMs; or are they documented built-ins.
import { BUILT_IN_NAMESPACES, BUILT_IN_PRIORITY_CLASSES } from '../install/k8s.js';

type Obj = Readonly<Record<string, unknown>>;

/** One unresolved reference: the object, the field and the missing name. */
export interface ReferenceProblem {
  readonly object: string;
  readonly field: string;
  readonly missing: string;
}

const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(rec) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every unresolved reference among `objects` (one cluster's set). */
export function checkReferences(objects: readonly Obj[]): ReferenceProblem[] {
  const have = new Set<string>();
  const keys = new Map<string, Set<string>>();
  for (const o of objects) {
    const m = rec(o['metadata']);
    const id = `${String(o['kind'])}/${str(m['namespace']) ?? ''}/${str(m['name']) ?? ''}`;
    have.add(id);
    if (o['kind'] === 'ConfigMap') keys.set(id, new Set(Object.keys(rec(o['data']))));
  }
  const exists = (kind: string, ns: string, name: string): boolean => have.has(`${kind}/${ns}/${name}`);
  const problems: ReferenceProblem[] = [];
  for (const o of objects) {
    const m = rec(o['metadata']);
    const ns = str(m['namespace']);
    const self = `${String(o['kind'])} ${ns ? ns + '/' : ''}${str(m['name']) ?? ''}`;
    const need = (ok: boolean, field: string, missing: string): void => {
      if (!ok) problems.push({ object: self, field, missing });
    };
    if (ns !== undefined) need(BUILT_IN_NAMESPACES.has(ns) || exists('Namespace', '', ns), 'metadata.namespace', `Namespace ${ns}`);
    const spec = rec(o['spec']);
    const podSpec = o['kind'] === 'Pod' ? spec : rec(rec(spec['template'])['spec']);
    if (ns !== undefined && Object.keys(podSpec).length > 0 && o['kind'] !== 'VirtualMachine') checkPodSpec(podSpec, ns, exists, keys, need);
    if (o['kind'] === 'ClusterRoleBinding' || o['kind'] === 'RoleBinding') {
      const ref = rec(o['roleRef']);
      const roleNs = ref['kind'] === 'Role' ? (ns ?? '') : '';
      need(exists(String(ref['kind']), roleNs, String(ref['name'])), 'roleRef', `${String(ref['kind'])} ${String(ref['name'])}`);
      for (const s of arr(o['subjects'])) {
        if (s['kind'] === 'ServiceAccount') need(exists('ServiceAccount', String(s['namespace'] ?? ns ?? ''), String(s['name'])), 'subjects', `ServiceAccount ${String(s['namespace'] ?? ns)}/${String(s['name'])}`);
      }
    }
    if (o['kind'] === 'Ingress' && ns !== undefined) {
      for (const svc of ingressServices(spec)) need(exists('Service', ns, svc), 'spec.rules.http.paths.backend.service.name', `Service ${ns}/${svc}`);
    }
    if (o['kind'] === 'VirtualMachine' && ns !== undefined) {
      for (const n of arr(rec(rec(spec['template'])['spec'])['networks'])) {
        const net = str(rec(n['multus'])['networkName']);
        if (net !== undefined) need(exists('NetworkAttachmentDefinition', ns, net), 'spec.template.spec.networks.multus.networkName', `NetworkAttachmentDefinition ${ns}/${net}`);
      }
    }
  }
  return problems;
}

function checkPodSpec(
  pod: Obj,
  ns: string,
  exists: (kind: string, ns: string, name: string) => boolean,
  keys: ReadonlyMap<string, ReadonlySet<string>>,
  need: (ok: boolean, field: string, missing: string) => void,
): void {
  const sa = str(pod['serviceAccountName']) ?? 'default';
  need(sa === 'default' || exists('ServiceAccount', ns, sa), 'serviceAccountName', `ServiceAccount ${ns}/${sa}`);
  const pc = str(pod['priorityClassName']);
  if (pc !== undefined) need(BUILT_IN_PRIORITY_CLASSES.has(pc) || exists('PriorityClass', '', pc), 'priorityClassName', `PriorityClass ${pc}`);
  for (const v of arr(pod['volumes'])) {
    const cm = rec(v['configMap']);
    if (str(cm['name']) !== undefined && cm['optional'] !== true) need(exists('ConfigMap', ns, String(cm['name'])), 'volumes.configMap', `ConfigMap ${ns}/${String(cm['name'])}`);
    const sec = rec(v['secret']);
    if (str(sec['secretName']) !== undefined && sec['optional'] !== true) need(exists('Secret', ns, String(sec['secretName'])), 'volumes.secret', `Secret ${ns}/${String(sec['secretName'])}`);
  }
  for (const c of [...arr(pod['initContainers']), ...arr(pod['containers'])]) {
    for (const e of arr(c['env'])) {
      const from = rec(e['valueFrom']);
      const cmRef = rec(from['configMapKeyRef']);
      if (str(cmRef['name']) !== undefined && cmRef['optional'] !== true) {
        const name = String(cmRef['name']);
        const ks = keys.get(`ConfigMap/${ns}/${name}`);
        need(ks !== undefined && ks.has(String(cmRef['key'])), `env ${String(e['name'])}`, `ConfigMap ${ns}/${name} key ${String(cmRef['key'])}`);
      }
      const secRef = rec(from['secretKeyRef']);
      if (str(secRef['name']) !== undefined && secRef['optional'] !== true) need(exists('Secret', ns, String(secRef['name'])), `env ${String(e['name'])}`, `Secret ${ns}/${String(secRef['name'])}`);
    }
  }
}

function ingressServices(spec: Obj): string[] {
  const names: string[] = [];
  const add = (backend: Obj): void => {
    const n = str(rec(backend['service'])['name']);
    if (n !== undefined) names.push(n);
  };
  add(rec(spec['defaultBackend']));
  for (const r of arr(spec['rules'])) for (const p of arr(rec(r['http'])['paths'])) add(rec(p['backend']));
  return names;
}
