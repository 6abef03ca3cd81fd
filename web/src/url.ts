/**
 * The view's state lives in the URL query string, so a link reproduces what was seen and
 * back/forward step through it. One module-level source of truth: components read `view()` and
 * change it with `navigate()`; App re-renders on every change (pushState or popstate).
 */

/** Every key the explorer writes. Unknown keys in a pasted link are ignored, not kept. */
export const KEYS = [
  'q',
  'place',
  'from',
  'to',
  'types',
  'group',
  'measure',
  'status',
  'source',
  'sort',
  'dir',
  'doc',
  'claim',
  'at',
] as const;
export type Key = (typeof KEYS)[number];
export type View = Record<Key, string>;
export type Patch = Partial<Record<Key, string | number | null | undefined>>;

const listeners = new Set<() => void>();

export function view(): View {
  const p = new URLSearchParams(location.search);
  const v = {} as View;
  for (const k of KEYS) v[k] = (p.get(k) ?? '').slice(0, 500);
  return v;
}

/** Changes some keys; empty or null removes a key. `replace` for edits that should not make history. */
export function navigate(patch: Patch, options: { replace?: boolean } = {}): void {
  const p = new URLSearchParams(location.search);
  for (const [k, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') p.delete(k);
    else p.set(k, String(value));
  }
  const ordered = new URLSearchParams();
  for (const k of KEYS) {
    const value = p.get(k);
    if (value !== null) ordered.set(k, value);
  }
  const query = ordered.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    removeEventListener('popstate', listener);
  };
}

/** A year typed into a field or a link: four digits or nothing. */
export function year(value: string): number | null {
  return /^-?\d{1,4}$/.test(value) ? Number(value) : null;
}
