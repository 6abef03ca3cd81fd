/**
 * The built explorer (Vite's dist/web) as static files. Hand-written rather than a serve-static
 * middleware so the rules are in one place and tested:
 * - a request path maps to a file only through plain segments (no `.`/`..`, no dot-files, no
 *   encoded slash or backslash, no NUL), and the file's real path must lie inside the root's, so
 *   neither `..%2F` nor a symlink reaches outside it;
 * - the app is a single page: unknown paths get index.html, except paths that name a file
 *   (`/assets/x.js`, `/favicon.ico`), which get a 404 rather than HTML a script tag would choke on;
 * - strong ETags (sha-1 of the bytes) and If-None-Match -> 304; hashed assets under /assets/ are
 *   immutable for a year, everything else (index.html first of all) is revalidated each time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Context } from 'hono';
import { tagMatches } from './etag.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** files larger than this are read each time rather than kept in memory */
const MAX_CACHED = 8 * 1024 * 1024;
const SEGMENT = /^[^./\\\0][^/\\\0]*$/;

interface Entry {
  mtimeMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export type StaticHandler = (c: Context) => Response | null;

/** A handler answering GET/HEAD for `root`, or null when the request is not for a static file. */
export function staticFiles(root: string): StaticHandler {
  const cache = new Map<string, Entry>();
  let realRoot: string | null = null;

  const read = (file: string): Entry | null => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(file);
      if (!st.isFile()) return null;
      realRoot ??= realpathSync(root);
      const real = realpathSync(file);
      if (!real.startsWith(realRoot + sep)) return null;
    } catch {
      return null;
    }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    let body: Uint8Array<ArrayBuffer>;
    try {
      // copied once into its own ArrayBuffer (a Buffer may share a pooled one), then sent as is
      body = new Uint8Array(readFileSync(file));
    } catch {
      return null;
    }
    const entry = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    if (body.length <= MAX_CACHED) cache.set(file, entry);
    return entry;
  };

  const respond = (c: Context, entry: Entry, file: string, cacheControl: string): Response => {
    const headers = {
      ETag: entry.etag,
      'Cache-Control': cacheControl,
    };
    if (tagMatches(c.req.header('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers });
    return new Response(entry.body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(entry.body.length),
      },
    });
  };

  return (c) => {
    const segments = segmentsOf(c.req.path);
    if (segments === null) return notFound(c);
    const index = join(root, 'index.html');
    if (segments.length > 0) {
      const file = join(root, ...segments);
      const entry = read(file);
      if (entry) return respond(c, entry, file, segments[0] === 'assets' ? IMMUTABLE : REVALIDATE);
      // a path naming a file that is not there: a 404, not the page
      if (segments[0] === 'assets' || /\.[A-Za-z0-9]{1,12}$/.test(segments.at(-1)!)) return notFound(c);
    }
    const page = read(index);
    return page ? respond(c, page, index, REVALIDATE) : null;
  };
}

/** The path's segments, decoded; null when one is not a plain name (traversal, dot-file, encoded slash). */
function segmentsOf(path: string): string[] | null {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!SEGMENT.test(s) || s.length > 255) return null;
    out.push(s);
  }
  return out;
}

function notFound(c: Context): Response {
  return c.json({ error: 'not found' }, 404);
}
