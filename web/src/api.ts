/**
 * GETs to the atlas API, cached by URL for the page's life (back/forward re-renders instantly),
 * and one POST for reviews. Errors carry the server's `{ error }` message.
 */
import { useEffect, useState } from 'preact/hooks';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message =
      body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
        ? body.error
        : `${res.status} ${res.statusText}`;
    throw new ApiError(message, res.status);
  }
  return body as T;
}

export function get<T>(url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = request<T>(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p;
}

/** A path with its query: empty values left out. */
export function path(base: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** The answer to a GET, re-fetched when `url` changes; null url fetches nothing. */
export function useGet<T>(url: string | null, version = 0): Loaded<T> {
  // the request starts while rendering, not after paint (effects wait for a frame): the first
  // chart is drawn that much sooner
  if (url !== null && version === 0) void get<T>(url).catch(() => {});
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    get<T>(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) =>
        live && setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, version]);
  return state;
}

const TOKEN_KEY = 'atlas-token';

export function token(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(value: string): void {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives only as long as this field's value
  }
}

export type ReviewBody = {
  action: 'accept' | 'reject' | 'correct';
  set?: Record<string, string | number | null>;
  note?: string;
};

/** POST a review; every cached GET is dropped, since any view may show the claim. */
export async function review(claim: string, body: ReviewBody): Promise<unknown> {
  const result = await request<unknown>(`/api/claims/${encodeURIComponent(claim)}/review`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` },
    body: JSON.stringify(body),
  });
  cache.clear();
  return result;
}
