/**
 * A cache of GET /api answers, valid while the store is unchanged. An atlas is read far more
 * than it is written, and the explorer asks the same few questions on every load (series,
 * places, timeline, documents), so a repeated request is answered from memory: no SQL, no JSON.
 * The store's change mark (`Store.changeMark`) moves on every commit, from this process or any
 * other (an `atlas ingest` into the same SQLite file); when it moves, the cache is emptied.
 * Bounded: at most MAX_ENTRIES answers, none over MAX_BODY bytes, least recently used evicted.
 */
import type { MiddlewareHandler } from 'hono';
import { weakTag } from './etag.js';

const MAX_ENTRIES = 500;
const MAX_BODY = 1024 * 1024;

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

export function responseCache(changeMark: () => Promise<string | null>): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  let mark: string | null = null;
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const now = await changeMark();
    if (now === null) return next(); // a store that cannot tell: no caching
    if (now !== mark) {
      entries.clear();
      mark = now;
    }
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit) {
      // refresh its place in the LRU order
      entries.delete(key);
      entries.set(key, hit);
      // the body is not copied: a Response reads its bytes and never writes them
      c.res = new Response(hit.body, { status: 200, headers: hit.headers });
      return;
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('json')) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > MAX_BODY) return;
    // tagged once here, so a hit is never hashed again (apiCaching tags untagged answers)
    const headers: [string, string][] = [...res.headers.entries(), ['etag', weakTag(body)]];
    c.res = new Response(body, { status: 200, headers });
    // only if nothing was written meanwhile: else the answer may mix old and new
    if ((await changeMark()) !== mark) return;
    entries.set(key, { body, headers });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  };
}
