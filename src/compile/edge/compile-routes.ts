// compile: the compiled Ingress matcher — a hash map from host to its server (exact hosts, and one-label
// wildcards keyed by their suffix), and per server a hash map of Exact paths, a trie over path elements
// holding the best Prefix rule at each node, and the ImplementationSpecific paths longest first. Gives the
// same answer as the reference scan (property-tested) at a cost independent of the number of servers.
import { outranks, pathElements, rankLength, type RouteLookup, type RouteRule } from './route-rules.js';

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Best Prefix rule ending at this node, -1 if none. */
  best: number;
}

interface Server {
  readonly exact: Map<string, number>;
  readonly trie: TrieNode;
  /** ImplementationSpecific rule indices, best first among equals by the shared ranking. */
  readonly prefixes: number[];
}

const node = (): TrieNode => ({ children: new Map(), best: -1 });
const server = (): Server => ({ exact: new Map(), trie: node(), prefixes: [] });

/** Compiles `rules` into a lookup. */
export function compileRoutes(rules: readonly RouteRule[]): RouteLookup {
  const exactHosts = new Map<string, Server>();
  const wildcards = new Map<string, Server>();
  const catchAll = server();
  const rank = rules.map(rankLength);
  const beats = (a: number, b: number): boolean => outranks(rules[a]!, rules[b]!, rank[a], rank[b]);
  const better = (a: number, b: number): boolean => b < 0 || beats(a, b);
  rules.forEach((r, i) => {
    let s = catchAll;
    if (r.host !== undefined) {
      const map = r.host.startsWith('*.') ? wildcards : exactHosts;
      const key = r.host.startsWith('*.') ? r.host.slice(2) : r.host;
      s = map.get(key) ?? server();
      map.set(key, s);
    }
    if (r.pathType === 'Exact') {
      const cur = s.exact.get(r.path);
      if (cur === undefined || better(i, cur)) s.exact.set(r.path, i);
    } else if (r.pathType === 'Prefix') {
      let n = s.trie;
      for (const e of pathElements(r.path)) {
        let c = n.children.get(e);
        if (!c) n.children.set(e, (c = node()));
        n = c;
      }
      if (better(i, n.best)) n.best = i;
    } else s.prefixes.push(i);
  });
  for (const s of [catchAll, ...exactHosts.values(), ...wildcards.values()]) s.prefixes.sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0));

  const lookupIn = (s: Server, path: string): number => {
    const exact = s.exact.get(path);
    if (exact !== undefined) return exact;
    // Deepest Prefix node on the request's elements (a deeper node is always longer).
    let best = s.trie.best;
    let n: TrieNode | undefined = s.trie;
    let i = 0;
    const len = path.length;
    while (n && i < len) {
      while (i < len && path.charCodeAt(i) === 47) i++;
      if (i >= len) break;
      let j = path.indexOf('/', i);
      if (j < 0) j = len;
      n = n.children.get(path.slice(i, j));
      if (n && n.best >= 0) best = n.best;
      i = j;
    }
    for (const k of s.prefixes) {
      if (path.startsWith(rules[k]!.path)) {
        if (best < 0 || beats(k, best)) best = k;
        break;
      }
    }
    return best;
  };

  return (host, path) => {
    const exact = exactHosts.get(host);
    if (exact) return { rule: lookupIn(exact, path), server: host };
    const dot = host.indexOf('.');
    const wild = dot > 0 ? wildcards.get(host.slice(dot + 1)) : undefined;
    if (wild) return { rule: lookupIn(wild, path), server: `*.${host.slice(dot + 1)}` };
    return { rule: lookupIn(catchAll, path), server: undefined };
  };
}
