// The HTTP API through app.request: no socket, a temporary SQLite store holding the bundled
// corpus document plus a small hand-made one (a Vladivostok claim, to test that Russia includes
// it). Every endpoint's happy path, bad parameters (400 naming them), unknown ids, traversal,
// the write routes' gates, injection strings, headers, ETags, static files and the rate limit.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../ingest/ingest.js';
import { documentWith, storeWith } from '../query/fixtures.js';
import type { Store } from '../store/types.js';
import { type AppOptions, createApp } from './app.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

const root = join(import.meta.dirname, '..', '..');
const corpusFile = join(root, 'corpus', 'north-koreans-in-russia.txt');
const TOKEN = 'test-token-0123456789abcdef';
const CORPUS = 'north-koreans-in-russia';

let store: Store;
let read: ReturnType<typeof createApp>;
let writable: ReturnType<typeof createApp>;

const small = documentWith(
  'vladivostok-note',
  [
    {
      sentence: 'In 2015 about 3,000 North Korean workers were in Vladivostok.',
      quote: 'about 3,000',
      low: 3000,
      approx: 'about',
      group: 'workers',
      time: 2015,
      place: 'city:RU:vladivostok',
      measure: 'population',
    },
    {
      sentence: 'The workers arrived in Vladivostok in 2015.',
      trigger: 'arrived',
      type: 'recruitment',
      time: 2015,
      place: 'city:RU:vladivostok',
    },
  ],
  { title: 'A note on Vladivostok' },
);

const app = (options: Partial<AppOptions> = {}) =>
  createApp({ store, write: false, token: null, webRoot: null, rateLimit: false, log: () => {}, ...options });

async function get(a: ReturnType<typeof createApp>, url: string, headers: Record<string, string> = {}) {
  const res = await a.request(url, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
  return { res, status: res.status, text, body: body as any };
}

const post = (a: ReturnType<typeof createApp>, url: string, body: string, headers: Record<string, string>) =>
  a.request(url, { method: 'POST', body, headers });
const auth = { authorization: `Bearer ${TOKEN}` };
const jsonType = { 'content-type': 'application/json' };

beforeAll(async () => {
  store = await storeWith(small);
  const item = await ingestBytes(store, 'corpus/north-koreans-in-russia.txt', readFileSync(corpusFile));
  expect(item.status).toBe('added');
  read = app();
  writable = app({ write: true, token: TOKEN });
});

describe('read endpoints', () => {
  it('GET /api/health says whether write routes exist', async () => {
    expect((await get(read, '/api/health')).body).toMatchObject({ status: 'ok', store: 'sqlite', write: false });
    expect((await get(writable, '/api/health')).body.write).toBe(true);
  });

  it('GET /api/documents lists summaries without text', async () => {
    const { status, body } = await get(read, '/api/documents');
    expect(status).toBe(200);
    expect(body.map((d: { id: string }) => d.id).sort()).toEqual([CORPUS, 'vladivostok-note']);
    expect(body[0].text).toBeUndefined();
  });

  it('GET /api/documents/:id gives the reader everything, spans slicing the text', async () => {
    const { status, body } = await get(read, `/api/documents/${CORPUS}`);
    expect(status).toBe(200);
    expect(body.title).toBe('North Koreans in Russia');
    expect(body.sentences.length).toBeGreaterThan(10);
    expect(body.claims.length).toBeGreaterThan(5);
    expect(body.events.length).toBeGreaterThan(5);
    for (const c of body.claims) expect(body.text.slice(c.span[0], c.span[1])).toBe(c.text);
    for (const s of body.sentences) expect(body.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('GET /api/claims filters and cites: Russia includes Vladivostok, general includes workers', async () => {
    const { status, body } = await get(read, '/api/claims?group=general&place=Russia&from=2015&to=2015');
    expect(status).toBe(200);
    const note = body.claims.find((c: { document: string }) => c.document === 'vladivostok-note');
    expect(note).toMatchObject({
      text: 'about 3,000',
      sentenceText: 'In 2015 about 3,000 North Korean workers were in Vladivostok.',
      title: 'A note on Vladivostok',
      url: 'https://example.org/vladivostok-note',
    });
    expect(body.total).toBe(body.claims.length);
    // the explorer sends gazetteer ids from /api/places
    for (const id of ['RU', 'city:RU:vladivostok', 'feature:russian-far-east', 'RU-PRI']) {
      const byId = await get(read, `/api/claims?place=${encodeURIComponent(id)}&doc=vladivostok-note`);
      expect(byId.body.total, id).toBe(1);
    }
    const page = await get(read, '/api/claims?limit=2&offset=1');
    expect(page.body.claims).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(10);
    const workers = await get(read, '/api/claims?group=workers&measure=population,arrivals');
    expect(workers.body.claims.every((c: { group: { kind: string } }) => c.group.kind === 'workers')).toBe(true);
    const bySource = await get(read, '/api/claims?source=ukrainian');
    expect(bySource.body.claims.length).toBeGreaterThan(0);
    const byDoc = await get(read, '/api/claims?doc=vladivostok-note');
    expect(byDoc.body.total).toBe(1);
  });

  it('treats empty parameters as absent (a cleared filter)', async () => {
    const all = await get(read, '/api/claims');
    const cleared = await get(read, '/api/claims?place=&from=&group=');
    expect(cleared.status).toBe(200);
    expect(cleared.body.total).toBe(all.body.total);
  });

  it('GET /api/events filters by type, place and years', async () => {
    const { body } = await get(read, '/api/events?type=recruitment&place=Russia&from=2015&to=2015');
    expect(body.events.map((e: { document: string }) => e.document)).toContain('vladivostok-note');
    expect(body.events[0].sentenceText).toBeTruthy();
    const all = await get(read, '/api/events?limit=3');
    expect(all.body.events).toHaveLength(3);
    expect(all.body.total).toBeGreaterThan(3);
  });

  it('GET /api/estimate answers as atlas estimate does', async () => {
    const { body } = await get(read, '/api/estimate?group=general&place=Russia&year=2006');
    expect(body.answer).toMatchObject({ kind: 'single', value: { low: 10000, high: 10000 } });
    expect(body.candidates[0].sentence).toMatch(/Kyung Hee/);
    expect((await get(read, '/api/estimate?year=2006&from=2000')).status).toBe(400);
    // the list stops at `limit`, and says whether more claims fit
    const all = (await get(read, '/api/estimate?group=general&place=Russia')).body;
    expect(all.candidates.length).toBeGreaterThan(1);
    expect(all.more).toBe(false);
    const one = (await get(read, '/api/estimate?group=general&place=Russia&limit=1')).body;
    expect(one.candidates.map((c: { claim: { id: string } }) => c.claim.id)).toEqual([all.candidates[0].claim.id]);
    expect(one.more).toBe(true);
    expect((await get(read, '/api/estimate?limit=501')).status).toBe(400);
    expect((await get(read, '/api/estimate?limit=0')).status).toBe(400);
  });

  it('GET /api/series, /api/timeline, /api/search', async () => {
    const series = await get(read, '/api/series?group=workers&place=Russia');
    expect(series.status).toBe(200);
    expect(series.body.length).toBeGreaterThan(0);
    expect(series.body[0]).toHaveProperty('low');
    const timeline = await get(read, '/api/timeline?events=1&type=recruitment,deployment&limit=50');
    expect(timeline.body.length).toBeGreaterThan(0);
    expect(timeline.body.every((e: { kind: string }) => e.kind === 'event')).toBe(true);
    expect(timeline.body[0].record).toBeUndefined();
    const search = await get(read, '/api/search?q=Vladivostok&limit=5');
    expect(search.body.length).toBeGreaterThan(0);
    expect(search.body[0].snippet).toMatch(/Vladivostok/);
    const inDoc = await get(read, '/api/search?q=Vladivostok&doc=vladivostok-note');
    expect(inDoc.body.every((h: { document: string }) => h.document === 'vladivostok-note')).toBe(true);
  });

  it('GET /api/ask gives the ask contract', async () => {
    const q = encodeURIComponent('How many North Korean troops were sent to Russia?');
    const { body } = await get(read, `/api/ask?q=${q}`);
    expect(body.answer).toMatchObject({ kind: 'quantity', value: { low: 12000 } });
    expect(body.citations[0].sentence).toMatch(/12,000/);
    expect(body.parsed.intent).toBe('how-many');
  });

  it('GET /api/diff/:id', async () => {
    const { status, body } = await get(read, '/api/diff/vladivostok-note');
    expect(status).toBe(200);
    expect(body.document).toBe('vladivostok-note');
    expect(body.changes).toHaveLength(1);
  });

  it('GET /api/places is GeoJSON with [lon, lat] and counts', async () => {
    const { body } = await get(read, '/api/places');
    expect(body.type).toBe('FeatureCollection');
    const vlad = body.features.find((f: { id: string }) => f.id === 'city:RU:vladivostok');
    expect(vlad.geometry.coordinates[0]).toBeGreaterThan(130); // longitude first
    expect(vlad.geometry.coordinates[1]).toBeGreaterThan(40);
    expect(vlad.properties).toMatchObject({ name: 'Vladivostok', kind: 'city' });
    expect(vlad.properties.claims).toBeGreaterThanOrEqual(1);
  });

  it('GET /api/export downloads CSV, JSON and GeoJSON', async () => {
    const csv = await get(read, '/api/export?format=csv&doc=vladivostok-note');
    expect(csv.res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.res.headers.get('content-disposition')).toBe('attachment; filename="atlas-vladivostok-note.csv"');
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,kind,document/);
    expect(csv.text).toContain('about 3,000');
    const json = await get(read, '/api/export');
    expect(json.body.claims.length).toBeGreaterThan(10);
    const geo = await get(read, '/api/export?format=geojson');
    expect(geo.res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(geo.body.type).toBe('FeatureCollection');
    expect((await get(read, '/api/export?doc=nope')).status).toBe(404);
  });

  it('GET /api/openapi.json lists every route, write routes only in write mode', async () => {
    const readPaths = Object.keys((await get(read, '/api/openapi.json')).body.paths).sort();
    expect(readPaths).toEqual(
      [
        '/api/health',
        '/api/documents',
        '/api/documents/{id}',
        '/api/claims',
        '/api/events',
        '/api/estimate',
        '/api/series',
        '/api/timeline',
        '/api/search',
        '/api/ask',
        '/api/diff/{id}',
        '/api/places',
        '/api/export',
      ].sort(),
    );
    const doc = (await get(writable, '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toContain('/api/claims/{id}/review');
    expect(Object.keys(doc.paths['/api/documents'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/claims/{id}/review'].post.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(doc.components.schemas.CitedClaim)).toContain('sentenceText');
  });
});

describe('bad parameters: a 400 naming the parameter', () => {
  const cases: [string, RegExp][] = [
    ['/api/claims?from=20x6', /^invalid from: 20x6 \(expected a year such as 2006\)$/],
    ['/api/claims?to=twenty', /^invalid to: twenty/],
    ['/api/claims?from=2010&to=2000', /^invalid from: 2010 is after to 2000/],
    ['/api/claims?place=Atlantis', /^unknown place: Atlantis/],
    ['/api/claims?group=penguins', /^unknown group: penguins/],
    ['/api/claims?measure=weight', /^invalid measure: weight/],
    ['/api/claims?status=maybe', /^invalid status: maybe/],
    ['/api/claims?limit=0', /^invalid limit: 0/],
    ['/api/claims?limit=abc', /^invalid limit: abc/],
    ['/api/claims?offset=-1', /^invalid offset: -1/],
    ['/api/claims?doc=../../etc/passwd', /^invalid doc: /],
    ['/api/claims?from=2006&from=2007', /^invalid from: given more than once/],
    ['/api/events?type=party', /^invalid type: party/],
    ['/api/events?from=1e3', /^invalid from: 1e3/],
    ['/api/estimate?year=20066', /^invalid year: 20066/],
    ['/api/estimate?measure=weight', /^invalid measure: weight/],
    ['/api/series?unit=kg', /^invalid unit: kg/],
    ['/api/timeline?events=maybe', /^invalid events: maybe/],
    ['/api/timeline?limit=999999', /^invalid limit: 999999/],
    ['/api/search', /^missing q/],
    ['/api/search?q=%20%20', /^invalid q: empty/],
    [`/api/search?q=${'x'.repeat(501)}`, /^invalid q: longer than 500/],
    ['/api/ask', /^missing q/],
    [`/api/ask?q=${'x'.repeat(2001)}`, /^invalid q: 2001 characters/],
    ['/api/export?format=xml', /^invalid format: xml/],
  ];
  for (const [url, message] of cases) {
    it(url.slice(0, 80), async () => {
      const { status, body, res } = await get(read, url);
      expect(status).toBe(400);
      expect(body.error).toMatch(message);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  }
});

describe('unknown ids and path traversal', () => {
  it('404 for unknown documents and routes, as JSON', async () => {
    for (const url of ['/api/documents/nope', '/api/diff/nope', '/api/nothing', '/api', '/api/claims/x/y']) {
      const { status, body } = await get(read, url);
      expect(status, url).toBe(404);
      expect(body.error, url).toBeTruthy();
    }
  });

  it('rejects traversal in document ids (400 or 404, never a file)', async () => {
    for (const id of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%252F..',
      '%2e%2e',
      '.hidden',
      'UPPER',
      'a%00b',
      `${'a'.repeat(101)}`,
      'a.b',
    ]) {
      const { status, text } = await get(read, `/api/documents/${id}`);
      expect([400, 404], id).toContain(status);
      expect(text).not.toMatch(/root:/);
      expect((await get(read, `/api/diff/${id}`)).status, id).not.toBe(200);
    }
  });
});

describe('write routes', () => {
  it('do not exist without write mode, or in write mode without a token', async () => {
    const noToken = app({ write: true, token: null });
    for (const a of [read, noToken]) {
      const review = await post(a, `/api/claims/${CORPUS}:0123456789/review`, '{"action":"accept"}', {
        ...jsonType,
        ...auth,
      });
      expect(review.status).toBe(404);
      const upload = await post(a, '/api/documents', JSON.stringify({ name: 'a.txt', content: 'x' }), {
        ...jsonType,
        ...auth,
      });
      expect(upload.status).toBe(404);
    }
  });

  it('refuse requests without the token, or with a wrong one (401)', async () => {
    const claim = (await get(read, '/api/claims?limit=1')).body.claims[0].id;
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` },
      { authorization: TOKEN },
    ] as Record<string, string>[]) {
      const r = await post(writable, `/api/claims/${claim}/review`, '{"action":"reject"}', { ...jsonType, ...headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const u = await post(writable, '/api/documents?name=a.txt', 'In 2019 about 5,000 workers came.', {
        'content-type': 'text/plain',
        ...headers,
      });
      expect(u.status).toBe(401);
    }
    expect((await get(read, '/api/claims?status=rejected')).body.total).toBe(0);
  });

  it('review: reject, then claims shows the status; correct applies the patch', async () => {
    const claims = (await get(read, `/api/claims?doc=${CORPUS}&limit=3`)).body.claims;
    const [a, b] = claims;
    const r = await post(writable, `/api/claims/${a.id}/review`, JSON.stringify({ action: 'reject', note: 'wrong' }), {
      ...jsonType,
      ...auth,
    });
    expect(r.status).toBe(200);
    const out = await r.json();
    expect(out.claim.status).toBe('rejected');
    expect(out.review.note).toBe('wrong');
    const rejected = (await get(read, '/api/claims?status=rejected')).body.claims;
    expect(rejected.map((c: { id: string }) => c.id)).toEqual([a.id]);

    const c = await post(
      writable,
      `/api/claims/${b.id}/review`,
      JSON.stringify({ action: 'correct', set: { value: '1,000 to 2,000', source: null } }),
      { ...jsonType, ...auth },
    );
    expect(c.status).toBe(200);
    const corrected = (await get(read, '/api/claims?status=corrected')).body.claims[0];
    expect(corrected).toMatchObject({ id: b.id, value: { low: 1000, high: 2000, approx: 'range' }, source: null });
  });

  it('review: bad bodies are 400 naming the field, unknown claims 404', async () => {
    const id = (await get(read, `/api/claims?doc=vladivostok-note`)).body.claims[0].id;
    const cases: [string, RegExp][] = [
      ['{"action":"maybe"}', /^invalid action: maybe/],
      ['{}', /^missing action/],
      ['{"action":"correct"}', /^invalid set: a correction needs/],
      ['{"action":"correct","set":{"low":"many"}}', /^invalid low: many/],
      ['{"action":"correct","set":{"colour":"red"}}', /unknown field/],
      ['{"action":"accept","set":{"low":"5"}}', /^invalid set: accept takes no fields/],
      [`{"action":"accept","note":"${'n'.repeat(2001)}"}`, /^invalid note/],
      ['{"action":"correct","set":{"place":"Atlantis"}}', /^invalid place: Atlantis/],
      ['not json', /./],
    ];
    for (const [body, message] of cases) {
      const r = await post(writable, `/api/claims/${id}/review`, body, { ...jsonType, ...auth });
      expect(r.status, body).toBe(400);
      expect((await r.json()).error, body).toMatch(message);
    }
    const wrongType = await post(writable, `/api/claims/${id}/review`, '{"action":"accept"}', {
      'content-type': 'text/plain',
      ...auth,
    });
    expect(wrongType.status).toBe(415);
    expect(
      (await post(writable, `/api/claims/${CORPUS}:0123456789/review`, '{"action":"accept"}', { ...jsonType, ...auth }))
        .status,
    ).toBe(404);
    expect(
      (await post(writable, '/api/claims/..%2F..%2Fx/review', '{"action":"accept"}', { ...jsonType, ...auth })).status,
    ).toBe(400);
    expect((await get(read, `/api/claims?doc=vladivostok-note`)).body.claims[0].status).toBe('machine');
  });

  it('ingest: JSON or a text body, returning the item and the diff', async () => {
    const text = '# Workers in Khabarovsk\n\nIn 2017 about 2,000 North Korean workers were in Khabarovsk.\n';
    const r = await post(writable, '/api/documents', JSON.stringify({ name: 'khabarovsk.md', content: text }), {
      ...jsonType,
      ...auth,
    });
    expect(r.status).toBe(201);
    const out = await r.json();
    expect(out.item).toMatchObject({ id: 'khabarovsk', status: 'added', claims: 1 });
    expect(
      out.diff.counts.new + out.diff.counts.consistent + out.diff.counts.corroborates + out.diff.counts.conflicts,
    ).toBe(1);
    const again = await post(writable, '/api/documents?name=khabarovsk.md', text, {
      'content-type': 'text/markdown',
      ...auth,
    });
    expect(again.status).toBe(200);
    expect((await again.json()).item.status).toBe('unchanged');
    expect((await get(read, '/api/documents/khabarovsk')).body.title).toBe('Workers in Khabarovsk');
  });

  it('ingest: bad names, bad content and oversized bodies are refused', async () => {
    for (const name of ['../evil.txt', 'a/b.txt', 'evil.exe', '.hidden.txt', 'noext']) {
      const r = await post(writable, '/api/documents', JSON.stringify({ name, content: 'text' }), {
        ...jsonType,
        ...auth,
      });
      expect(r.status, name).toBe(400);
      expect((await r.json()).error, name).toMatch(/^invalid name/);
    }
    const missing = await post(writable, '/api/documents', 'some text', { 'content-type': 'text/plain', ...auth });
    expect((await missing.json()).error).toMatch(/^missing name/);
    const binary = await post(writable, '/api/documents', JSON.stringify({ name: 'b.txt', content: 'a\u0000b' }), {
      ...jsonType,
      ...auth,
    });
    expect(binary.status).toBe(400);
    expect((await binary.json()).error).toMatch(/binary/);
    const big = 'x'.repeat(5 * 1024 * 1024 + 1);
    const tooBig = await post(writable, '/api/documents', JSON.stringify({ name: 'big.txt', content: big }), {
      ...jsonType,
      ...auth,
    });
    expect(tooBig.status).toBe(413);
    const hugeBody = await post(writable, '/api/documents?name=big.txt', 'x'.repeat(11 * 1024 * 1024), {
      'content-type': 'text/plain',
      ...auth,
    });
    expect(hugeBody.status).toBe(413);
    // the token is checked before a big body is read
    const anon = await post(writable, '/api/documents?name=big.txt', big, { 'content-type': 'text/plain' });
    expect(anon.status).toBe(401);
  });

  it('limits every other request body', async () => {
    const id = (await get(read, `/api/claims?doc=vladivostok-note`)).body.claims[0].id;
    const r = await post(
      writable,
      `/api/claims/${id}/review`,
      JSON.stringify({ action: 'accept', note: 'n'.repeat(70_000) }),
      {
        ...jsonType,
        ...auth,
      },
    );
    expect(r.status).toBe(413);
    expect((await r.json()).error).toMatch(/too large/);
  });
});

describe('injection strings in every parameter', () => {
  const attacks = [
    "' OR '1'='1",
    '1; DROP TABLE claims; --',
    "Robert'); DROP TABLE documents;--",
    '" OR ""="',
    '%',
    '_',
    '\\',
    "2006' UNION SELECT * FROM documents --",
    '*',
    'NEAR(a b)',
    '"unterminated',
    '<script>alert(1)</script>',
  ];
  const params: Record<string, string[]> = {
    '/api/claims': ['group', 'place', 'measure', 'status', 'source', 'doc', 'from', 'to', 'limit', 'offset'],
    '/api/events': ['type', 'place', 'doc', 'from', 'to', 'limit', 'offset'],
    '/api/estimate': ['group', 'place', 'year', 'from', 'to', 'measure'],
    '/api/series': ['group', 'place', 'measure', 'unit'],
    '/api/timeline': ['from', 'to', 'place', 'type', 'events', 'limit'],
    '/api/search': ['q', 'doc', 'limit'],
    '/api/ask': ['q'],
    '/api/export': ['format', 'doc', 'all'],
  };

  it('never a 500, never a change', async () => {
    const before = (await get(read, '/api/claims?limit=1')).body.total;
    const docsBefore = (await get(read, '/api/documents')).body.length;
    let tried = 0;
    for (const [path, names] of Object.entries(params)) {
      for (const name of names) {
        for (const attack of attacks) {
          const extra = path === '/api/search' && name !== 'q' ? '&q=workers' : path === '/api/ask' ? '' : '';
          const { status, res } = await get(read, `${path}?${name}=${encodeURIComponent(attack)}${extra}`);
          expect([200, 400, 404], `${path} ${name}=${attack}`).toContain(status);
          expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
          tried++;
        }
      }
    }
    for (const attack of attacks) {
      const enc = encodeURIComponent(attack);
      for (const url of [`/api/documents/${enc}`, `/api/diff/${enc}`])
        expect([400, 404]).toContain((await get(read, url)).status);
      const r = await post(
        writable,
        `/api/claims/${enc}/review`,
        JSON.stringify({ action: 'correct', set: { source: attack } }),
        {
          ...jsonType,
          ...auth,
        },
      );
      expect([400, 404]).toContain(r.status);
      tried += 3;
    }
    expect(tried).toBeGreaterThan(500);
    expect((await get(read, '/api/claims?limit=1')).body.total).toBe(before);
    expect((await get(read, '/api/documents')).body.length).toBe(docsBefore);
    expect(await store.integrityCheck()).toEqual([]);
  });
});

describe('headers and caching', () => {
  it('security headers on every response: API, errors, static, 404', async () => {
    for (const url of ['/api/health', '/api/claims?from=x', '/api/nope', '/', '/whatever']) {
      const { res } = await get(read, url);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('API answers carry no-cache and a weak ETag; If-None-Match gives 304', async () => {
    const first = await get(read, '/api/claims?group=workers');
    const tag = first.res.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    expect(first.res.headers.get('cache-control')).toBe('no-cache');
    const again = await read.request('/api/claims?group=workers', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    const other = await read.request('/api/claims?group=students', { headers: { 'if-none-match': tag! } });
    expect(other.status).toBe(200);
  });

  it('the same answer has the same ETag from the answer cache and without it', async () => {
    const uncached = app({ cache: false });
    const url = '/api/claims?group=soldiers';
    const tags = [];
    for (const a of [read, read, uncached]) tags.push((await a.request(url)).headers.get('etag'));
    expect(tags[0]).toMatch(/^W\/"/);
    expect(new Set(tags).size).toBe(1);
    const again = await uncached.request(url, { headers: { 'if-none-match': tags[0]! } });
    expect(again.status).toBe(304);
  });

  it('500s are JSON without a stack, and logged', async () => {
    const lines: string[] = [];
    const broken = {
      ...store,
      kind: 'sqlite',
      listDocuments: async () => {
        throw new TypeError('boom at secret/path.ts:12');
      },
    } as unknown as Store;
    const a = createApp({
      store: broken,
      write: false,
      token: null,
      webRoot: null,
      rateLimit: false,
      cache: false,
      log: (l) => lines.push(l),
    });
    const r = await get(a, '/api/documents');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: 'internal error' });
    expect(lines.join('\n')).toMatch(/boom/);
  });
});

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-web-'));
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><title>Atlas</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.log("atlas")');
  writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(web, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'root:x:0:0 outside the web root');
  symlinkSync(join(dir, 'secret.txt'), join(web, 'leak.txt'));
  let site: ReturnType<typeof createApp>;
  beforeAll(() => {
    site = app({ webRoot: web });
  });

  it('serves index.html for / and for the single page app paths, revalidated', async () => {
    for (const url of ['/', '/reader/north-koreans-in-russia', '/map?place=RU']) {
      const { status, text, res } = await get(site, url);
      expect(status, url).toBe(200);
      expect(text).toContain('<title>Atlas</title>');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves hashed assets as immutable, with ETag and 304', async () => {
    const { status, res, text } = await get(site, '/assets/app-abc123.js');
    expect(status).toBe(200);
    expect(text).toBe('console.log("atlas")');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const tag = res.headers.get('etag')!;
    expect(tag).toMatch(/^"/);
    const again = await site.request('/assets/app-abc123.js', { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    const index = await site.request('/');
    const idx = await site.request('/', { headers: { 'if-none-match': index.headers.get('etag')! } });
    expect(idx.status).toBe(304);
    const head = await site.request('/favicon.svg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('404 for missing files, never anything outside the root', async () => {
    for (const url of ['/assets/missing.js', '/nothing.png']) expect((await get(site, url)).status, url).toBe(404);
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/leak.txt',
      '/.env',
      '/assets/..%5c..%5csecret.txt',
      '/%00',
    ]) {
      const { text } = await get(site, url);
      expect(text, url).not.toContain('outside the web root');
      expect(text, url).not.toContain('SECRET');
    }
  });

  it('API paths never fall back to the page', async () => {
    const { status, body } = await get(site, '/api/unknown');
    expect(status).toBe(404);
    expect(body.error).toBe('not found');
  });
});

describe('rate limit', () => {
  it('429 with Retry-After once a client has spent its burst', async () => {
    const limited = app({ rateLimit: { perSecond: 1, burst: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request('/api/health')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const r = await limited.request('/api/health');
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await r.json()).error).toMatch(/too many requests/);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('answer cache', () => {
  it('answers a repeated request from memory until another process writes to the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const file = join(dir, 'atlas.db');
    const { openStore } = await import('../store/open.js');
    const served = await openStore(file);
    const writer = await openStore(file); // another connection, as another process would be
    try {
      await served.putDocument(
        documentWith('a', [
          { sentence: 'Some 10 workers were in Russia.', quote: '10', low: 10, group: 'workers', place: 'RU' },
        ]),
      );
      const cached = createApp({
        store: served,
        write: false,
        token: null,
        webRoot: null,
        rateLimit: false,
        log: () => {},
      });
      const count = async () =>
        (JSON.parse(await (await cached.request('/api/claims')).text()) as { total: number }).total;
      expect(await count()).toBe(1);
      const mark = await served.changeMark();
      expect(await count()).toBe(1);
      await writer.putDocument(
        documentWith('b', [
          { sentence: 'Some 20 workers were in Russia.', quote: '20', low: 20, group: 'workers', place: 'RU' },
        ]),
      );
      expect(await served.changeMark()).not.toBe(mark);
      expect(await count()).toBe(2);
    } finally {
      await served.close();
      await writer.close();
    }
  });
});
