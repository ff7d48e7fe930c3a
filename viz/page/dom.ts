// viz: small DOM helpers — elements with classes, text and attributes, and formatting of simulated times.

/** Creates an element with a class, text and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = '', attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** `1m30s`, `250ms`, `0s`. */
export function formatTime(ms: number): string {
  if (ms < 1000 && ms > 0) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${r || (!h && !m) ? `${r}s` : ''}`;
}

/** A titled list in a panel. */
export function section(title: string, items: readonly string[], cls = ''): HTMLElement {
  const box = el('section', cls);
  box.append(el('h3', '', `${title} (${items.length})`));
  const ul = el('ul');
  for (const it of items) ul.append(el('li', '', it));
  box.append(ul);
  return box;
}
