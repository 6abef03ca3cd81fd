/**
 * What every response carries and what every request must pass: security headers, a per-client
 * rate limit and the write token. Document text is untrusted input that the explorer shows, so
 * the Content-Security-Policy allows no inline script at all: an injected `<script>` or
 * `onerror=` that slipped past the reader's escaping would still not run.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // charts (Observable Plot) set style attributes on SVG elements; styles cannot run code
  "style-src 'self' 'unsafe-inline'",
  // blob: and data: for the PNG and SVG downloads of charts
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
  };
}

export interface RateLimit {
  /** tokens added per second: the sustained request rate a client may keep up */
  perSecond: number;
  /** bucket size: how many requests a client may make at once after a pause */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };
/** buckets kept at most; past this, full (idle) buckets are dropped */
const MAX_CLIENTS = 10_000;

/**
 * A token bucket per client address, in memory. The address is the socket's, never a header
 * (X-Forwarded-For is whatever the client says). Requests in tests, without a socket, share one
 * bucket. `now` is injectable for tests.
 */
export function rateLimit(limit: RateLimit, now: () => number = () => performance.now()): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
    b.at = t;
  };
  return async (c, next) => {
    const t = now();
    const key = clientAddress(c);
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= MAX_CLIENTS) {
        for (const [k, other] of buckets) {
          refill(other, t);
          if (other.tokens >= limit.burst) buckets.delete(k);
        }
      }
      b = { tokens: limit.burst, at: t };
      buckets.set(key, b);
    } else refill(b, t);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      c.header('Retry-After', String(wait));
      return c.json({ error: `too many requests: at most ${limit.perSecond} a second; retry in ${wait} s` }, 429);
    }
    b.tokens -= 1;
    await next();
  };
}

function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * `Authorization: Bearer <token>` checked in constant time (both sides hashed first, so neither
 * the token's length nor its prefix leaks through timing). 401 with WWW-Authenticate otherwise.
 */
export function requireToken(token: string): MiddlewareHandler {
  const want = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer[ ]+(\S{1,1000})[ ]*$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]!), want)) {
      c.header('WWW-Authenticate', 'Bearer realm="atlas"');
      return c.json({ error: m ? 'wrong token' : 'missing token: send Authorization: Bearer <ATLAS_TOKEN>' }, 401);
    }
    await next();
  };
}
