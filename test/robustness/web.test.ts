// Attacks on the HTTP server, over a real socket: every parameter of every operation the OpenAPI
// document lists (so a new endpoint is attacked without anyone adding it here) gets injection,
// traversal and oversized strings; raw malformed requests; the write routes' gates; the rate
// limit; binding rules. An attack is blocked when the server answers it with a refusal or a
// harmless answer (never a 500, a stack trace, a file outside its root, or a change to the
// store) and still answers the next request.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.js';
import { checkServeOptions, type Served, type ServeOptions, serve } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { resetTally, tally } from './tally.js';

const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'robustness-token-0123456789abcdef';
const SUITE = 'web';

/** strings an attacker would put in a parameter */
const ATTACKS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; DROP TABLE claims; --',
  "x'); DELETE FROM documents; --",
  "2006' UNION SELECT id, text FROM documents --",
  '" OR ""="',
  '$1',
  '?',
  '%',
  '_',
  '\\',
  '*',
  'NEAR(a b)',
  'a OR b NOT c',
  '"unterminated',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'file:///etc/passwd',
  'a\u0000b',
  'a\r\nSet-Cookie: pwned=1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  '\u202eevil\u202c',
  '한국어 Русский',
  '-1',
  '1e309',
  '99999999999999999999999',
  'NaN',
  'x'.repeat(10_000),
];

interface Operation {
  method: string;
  path: string;
  query: string[];
  pathParams: string[];
}

let store: Store;
let server: Served;
let base: string;
let operations: Operation[];
let claimsBefore: number;
let documentsBefore: number;
let blocked = 0;
let passed = 0;
let tried = 0;

/** one attack: counted, and blocked unless `ok` says otherwise */
function count(ok: boolean): void {
  tried++;
  if (ok) blocked++;
  else passed++;
}

/** the store on a free loopback port, quiet, without a web root or (unless given) a rate limit */
const serveLocal = (o: Pick<ServeOptions, 'write' | 'token'> & Partial<ServeOptions>) =>
  serve({ store, port: 0, host: '127.0.0.1', webRoot: null, rateLimit: false, log: () => {}, ...o });

const looksLikeStack = (text: string) => /\n\s+at .+[.:]\d+/.test(text) || /\.(ts|js):\d+:\d+/.test(text);

beforeAll(async () => {
  resetTally(SUITE);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-robust-web-'));
  store = await openStore(join(dir, 'atlas.db'));
  const seed = readFileSync(join(root, 'corpus', 'north-koreans-in-russia.txt'));
  expect((await ingestBytes(store, 'corpus/north-koreans-in-russia.txt', seed)).status).toBe('added');
  server = await serveLocal({ write: true, token: TOKEN });
  base = server.url.replace(/\/$/, '');
  const spec = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
  claimsBefore = await store.countClaims();
  documentsBefore = (await store.listDocuments()).length;
}, 120_000);

afterAll(async () => {
  tally(SUITE, { inputsTried: tried, attacksBlocked: blocked, attacksPassed: passed, crashes: 0 });
  await server?.close();
  await store?.close();
});

describe('every parameter of every operation', () => {
  it('the OpenAPI document lists the operations to attack', () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    expect(operations.filter((o) => o.query.length > 0).length).toBeGreaterThanOrEqual(8);
  });

  it('GET parameters: a refusal or an answer, never a 500, a stack or a leak', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && o.pathParams.length === 0)) {
      for (const name of op.query) {
        for (const attack of ATTACKS) {
          // search needs a q to reach its other parameters
          const extra = op.path === '/api/search' && name !== 'q' ? '&q=workers' : '';
          const url = `${base}${op.path}?${name}=${encodeURIComponent(attack)}${extra}`;
          const res = await fetch(url);
          const text = await res.text();
          const ok =
            [200, 400, 404].includes(res.status) &&
            !looksLikeStack(text) &&
            !text.includes('root:x:0:0') &&
            res.headers.get('content-security-policy') === CONTENT_SECURITY_POLICY &&
            res.headers.get('set-cookie') === null;
          count(ok);
          if (!ok) failures.push(`${res.status} ${op.path}?${name}=${attack.slice(0, 40)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  }, 120_000);

  it('path parameters: document and claim ids with traversal and injection', async () => {
    const failures: string[] = [];
    const ids = [
      ...ATTACKS.map(encodeURIComponent),
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '..%252F..%252Fetc%252Fpasswd',
      '%c0%ae%c0%ae%2fetc%2fpasswd',
      '.env',
      '%00',
    ];
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      for (const id of ids) {
        const path = op.path.replace(/\{[^}]+\}/, id);
        const res = await fetch(`${base}${path}`, {
          method: op.method,
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: op.method === 'POST' ? JSON.stringify({ action: 'reject', note: id }) : undefined,
        });
        const text = await res.text();
        const ok = [400, 404].includes(res.status) && !looksLikeStack(text) && !text.includes('root:x:0:0');
        count(ok);
        if (!ok) failures.push(`${res.status} ${op.method} ${path.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('review bodies with hostile values are refused or stored as plain data', async () => {
    const claim = (await store.claims({ limit: 1 }))[0]!;
    const failures: string[] = [];
    const bodies = [
      ...ATTACKS.map((a) => JSON.stringify({ action: 'correct', set: { source: a } })),
      ...ATTACKS.map((a) => JSON.stringify({ action: 'correct', set: { [a]: '1' } })),
      JSON.stringify({ action: 'accept', __proto__: { admin: true } }),
      '{"action": "accept"',
      'null',
      '[]',
      '"accept"',
      JSON.stringify({ action: 'delete' }),
      JSON.stringify({ action: 'correct', set: { low: '1'.repeat(400) } }),
    ];
    for (const body of bodies) {
      const res = await fetch(`${base}/api/claims/${encodeURIComponent(claim.id)}/review`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      const ok = [200, 400, 404, 413].includes(res.status) && !looksLikeStack(text);
      count(ok);
      if (!ok) failures.push(`${res.status} ${body.slice(0, 60)}`);
    }
    expect(failures).toEqual([]);
    // whatever was accepted as a correction is data: the claim is still one row, the store sound
    expect(await store.countClaims()).toBe(claimsBefore);
    expect(await store.integrityCheck()).toEqual([]);
  }, 60_000);

  it('left the store as it was: same documents, same claims, integrity intact', async () => {
    expect((await store.listDocuments()).length).toBe(documentsBefore);
    expect(await store.countClaims()).toBe(claimsBefore);
    expect(await store.integrityCheck()).toEqual([]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

/** Sends raw bytes and returns the status line (or what the socket said). */
function raw(request: string | Buffer): Promise<string> {
  const { port } = server;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = () => resolve(data.split('\r\n')[0] || '(closed without an answer)');
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve('(timed out)');
    });
    socket.on('data', (d) => {
      data += d.toString('latin1');
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', done);
    socket.end(request);
  });
}

describe('malformed requests on the socket', () => {
  const cases: [string, string | Buffer][] = [
    ['garbage request line', 'HELLO WORLD\r\n\r\n'],
    ['no version', 'GET /api/health\r\n\r\n'],
    ['bad percent encoding', 'GET /api/claims?place=%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['lone percent', 'GET /api/documents/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    [
      'absolute URL to elsewhere',
      'GET http://evil.example/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ],
    ['traversal in the raw path', 'GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['header too large', `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`],
    ['URL of 100 KB', `GET /api/search?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
    [
      'smuggling: length and chunked',
      'POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/health HTTP/1.1\r\n\r\n',
    ],
    ['NUL in the path', Buffer.from('GET /api/docu\0ments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1')],
    ['CRLF injection in a header', 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: b\rSet-Cookie: c\r\n\r\n'],
    ['unknown method', 'BREW /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    [
      'huge declared body without a token',
      'POST /api/documents?name=a.txt HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 999999999999\r\nConnection: close\r\n\r\nabc',
    ],
  ];
  for (const [name, request] of cases) {
    it(name, async () => {
      const status = await raw(request);
      // node's parser or the app refuses it (4xx), or the socket is closed: never 2xx/5xx
      const refused = /^HTTP\/1\.1 4\d\d/.test(status) || status === '(closed without an answer)';
      count(refused);
      expect(status, name).not.toMatch(/^HTTP\/1\.1 [25]\d\d/);
      // and the server still answers
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    });
  }
});

describe('write gates', () => {
  it('write routes refuse missing, wrong and malformed tokens (401)', async () => {
    const claim = (await store.claims({ limit: 1 }))[0]!;
    const headers: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Bearer ' },
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `bearer${TOKEN}` },
      { authorization: `Basic ${Buffer.from(`atlas:${TOKEN}`).toString('base64')}` },
      { authorization: TOKEN },
      { 'x-atlas-token': TOKEN },
      { cookie: `token=${TOKEN}` },
    ];
    for (const h of headers) {
      for (const [url, body, type] of [
        [`/api/claims/${encodeURIComponent(claim.id)}/review`, '{"action":"reject"}', 'application/json'],
        ['/api/documents?name=a.txt', 'In 2019 about 5,000 workers came to Russia.', 'text/plain'],
      ] as const) {
        const res = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': type, ...h }, body });
        count(res.status === 401);
        expect(res.status, `${url} ${JSON.stringify(h)}`).toBe(401);
      }
    }
    expect((await store.getClaim(claim.id))?.status).toBe(claim.status);
    expect((await store.listDocuments()).length).toBe(documentsBefore);
  });

  it('a read-only server has no write routes at all (404), token or not', async () => {
    const readOnly = await serveLocal({ write: false, token: null });
    try {
      const claim = (await store.claims({ limit: 1 }))[0]!;
      for (const h of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
        for (const [url, body] of [
          [`/api/claims/${encodeURIComponent(claim.id)}/review`, '{"action":"reject"}'],
          ['/api/documents?name=a.txt', 'text'],
        ]) {
          const res = await fetch(`${readOnly.url}${url!.slice(1)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...h },
            body,
          });
          count(res.status === 404);
          expect(res.status).toBe(404);
        }
      }
    } finally {
      await readOnly.close();
    }
  });

  it('refuses to bind a non-loopback address in write mode without a token', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      let refused = false;
      try {
        checkServeOptions({ port: 0, host, write: true, token: null });
      } catch (e) {
        refused = /without a token/.test((e as Error).message);
      }
      count(refused);
      expect(refused, host).toBe(true);
    }
    // as a user meets it: one line, non-zero exit, nothing listening
    const r = spawnSync(process.execPath, [join(root, 'bin', 'atlas.js'), 'serve', '--host', '0.0.0.0', '--write'], {
      encoding: 'utf8',
      env: { ...process.env, ATLAS_TOKEN: '', ATLAS_DB: join(tmpdir(), 'atlas-robust-never.db') },
      timeout: 20_000,
    });
    count(r.status !== 0 && /without a token/.test(r.stderr));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/refusing to serve --write on 0\.0\.0\.0 without a token/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('limits', () => {
  it('a body over the limit is refused (413) before it is stored', async () => {
    const big = 'In 2019 about 5,000 workers came to Russia. '.repeat(600_000); // ~26 MB
    const res = await fetch(`${base}/api/documents?name=big.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      body: big,
    });
    count(res.status === 413);
    expect(res.status).toBe(413);
    expect((await store.listDocuments()).length).toBe(documentsBefore);
  });

  it('a flood from one client is slowed down (429), then served again', async () => {
    const limited = await serveLocal({ write: false, token: null, rateLimit: { perSecond: 5, burst: 10 } });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 60 }, () => fetch(`${limited.url}api/health`).then((r) => r.status)),
      );
      const refused = statuses.filter((s) => s === 429).length;
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(11);
      expect(refused).toBeGreaterThanOrEqual(49);
      for (let i = 0; i < refused; i++) count(true);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await fetch(`${limited.url}api/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('no attack got through', () => {
    expect(passed).toBe(0);
    expect(blocked).toBe(tried);
  });
});
