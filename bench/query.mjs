#!/usr/bin/env node
// Query latency at scale: builds (once, then cached) a store of 1,000,000 generated claims and
// 200,000 events through the public API (openStore + putDocument), then times `estimate`,
// `series`, `timeline` and `search` over a few hundred varied queries each, next to the single
// indexed SQL lookup each one rests on, run directly through the driver on the same data. The
// ratio (function p50 / lookup p50) is what the query layer costs on top of the database.
// PostgreSQL too when ATLAS_BENCH_PG or ATLAS_TEST_PG is set (scripts/pg-test-cluster.sh starts
// one): a schema of its own, built afresh each run and dropped at the end.
//   npm run bench:query                  (first run builds the SQLite store: a few minutes)
//   node bench/query.mjs --rebuild       (builds the cached store again)
//   DOCS=50 node bench/query.mjs         (a small store, for trying the bench itself)
// Aim (issue 4): p99 of estimate under 10 ms on SQLite at 1,000,000 claims. estimate is timed
// twice over different questions: first right after the store opens (each statement shape
// compiled and each page read for the first time), then in steady state, as a server that has
// been answering for a while: the aim's p99 is the steady one, and both are printed.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { getPlace, lookupPlace } from '../dist/extract/places/index.js';
import { estimate } from '../dist/query/estimate.js';
import { placesWithin } from '../dist/query/hierarchy.js';
import { series } from '../dist/query/series.js';
import { timeline } from '../dist/query/timeline.js';
import { openStore } from '../dist/store/open.js';

/** bump when the generator changes what it builds: the cached store is keyed by it */
const GENERATOR_VERSION = 1;
const DOCS = Number(process.env.DOCS ?? 2000);
const CLAIMS_PER_DOC = 500;
const EVENTS_PER_DOC = 100;
const QUERIES = Number(process.env.QUERIES ?? 300);
const WARMUP = 40;
const rebuild = process.argv.includes('--rebuild');

// ---------------------------------------------------------------------------------------------
// Seeded randomness: every run builds the same store and asks the same questions.

function generator(seed) {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  /** one of the keys of `weights`, with probability proportional to its weight */
  const weighted = (weights) => {
    const entries = Array.isArray(weights) ? weights : Object.entries(weights);
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, weighted };
}

// ---------------------------------------------------------------------------------------------
// The world the documents talk about: ~200 real gazetteer places, weighted as a corpus about
// North Koreans in Russia would mention them (countries and the Far East most).

const CITY_NAMES = [
  ...['Vladivostok', 'Khabarovsk', 'Nakhodka', 'Ussuriysk', 'Blagoveshchensk', 'Yuzhno-Sakhalinsk', 'Tomsk'],
  ...['Novosibirsk', 'Irkutsk', 'Chita', 'Yakutsk', 'Moscow', 'Saint Petersburg', 'Magadan', 'Krasnoyarsk'],
  ...['Petropavlovsk-Kamchatsky', 'Omsk', 'Kursk', 'Rostov-on-Don', 'Kazan', 'Yekaterinburg', 'Tynda'],
  ...['Komsomolsk-on-Amur', 'Artyom', 'Birobidzhan', 'Ulan-Ude', 'Kemerovo', 'Barnaul', 'Tyumen', 'Sochi'],
  ...['Bratsk', 'Kholmsk', 'Korsakov', 'Partizansk', 'Bolshoy Kamen', 'Yanji', 'Dandong', 'Shenyang'],
  ...['Harbin', 'Beijing', 'Hunchun', 'Tumen', 'Changchun', 'Qingdao', 'Pyongyang', 'Chongjin', 'Sinuiju'],
  ...['Hamhung', 'Wonsan', 'Kaesong', 'Hyesan', 'Seoul', 'Busan', 'Incheon', 'Ansan', 'Daegu', 'Gwangju'],
  ...['Almaty', 'Tashkent', 'Astana', 'Karaganda', 'Bishkek', 'Ulaanbaatar', 'Tokyo', 'Osaka', 'Samarkand'],
];
const REGION_IDS = [
  ...['CN-JL', 'CN-LN', 'CN-HL', 'CN-BJ', 'CN-SD', 'CN-SH'],
  ...['KP-01', 'KP-02', 'KP-03', 'KP-04', 'KP-05', 'KP-06', 'KP-07', 'KP-08', 'KP-09', 'KP-10', 'KP-13'],
  ...['KR-11', 'KR-26', 'KR-28', 'KR-41', 'KZ-ALA', 'KZ-KAR', 'UZ-TK'],
];
const COUNTRY_IDS = ['RU', 'KP', 'KR', 'CN', 'KZ', 'UZ', 'MN', 'JP', 'KG'];
const FEATURE_IDS = [
  ...['feature:russian-far-east', 'feature:siberia', 'feature:sakhalin-island', 'feature:kamchatka-peninsula'],
  ...['feature:northeast-china', 'feature:yanbian', 'feature:central-asia', 'feature:hamgyong'],
];
const FOCUS = new Set([
  ...['RU', 'KP', 'feature:russian-far-east', 'RU-PRI', 'RU-KHA', 'RU-AMU', 'RU-SAK', 'RU-TOM', 'RU-MOW'],
  ...['city:RU:vladivostok', 'city:RU:khabarovsk', 'city:RU:moscow', 'city:KP:pyongyang', 'CN-JL'],
]);

function placePool() {
  const ids = new Set([...COUNTRY_IDS, ...FEATURE_IDS, ...REGION_IDS]);
  // every Russian federal subject: the corpus follows workers to all of them
  for (let i = 0; i < 100; i++) {
    const code = RU_REGION_CODES[i];
    if (code) ids.add(`RU-${code}`);
  }
  for (const name of CITY_NAMES) {
    const p = lookupPlace(name);
    if (p) ids.add(p.id);
  }
  const pool = [];
  for (const id of ids) {
    const p = getPlace(id);
    if (!p) continue;
    const base = { country: 12, feature: 5, region: 1.5, city: 2 }[p.kind];
    pool.push([p, base * (FOCUS.has(id) ? 4 : 1) * (id === 'RU' ? 3 : 1)]);
  }
  return pool;
}

const RU_REGION_CODES = [
  ...['AD', 'AL', 'ALT', 'AMU', 'ARK', 'AST', 'BA', 'BEL', 'BRY', 'BU', 'CE', 'CHE', 'CHU', 'CU', 'DA', 'IN'],
  ...['IRK', 'IVA', 'KAM', 'KB', 'KC', 'KDA', 'KEM', 'KGD', 'KGN', 'KHA', 'KHM', 'KIR', 'KK', 'KL', 'KLU', 'KO'],
  ...['KOS', 'KR', 'KRS', 'KYA', 'LEN', 'LIP', 'MAG', 'ME', 'MO', 'MOS', 'MOW', 'MUR', 'NEN', 'NGR', 'NIZ', 'NVS'],
  ...['OMS', 'ORE', 'ORL', 'PER', 'PNZ', 'PRI', 'PSK', 'ROS', 'RYA', 'SA', 'SAK', 'SAM', 'SAR', 'SE', 'SMO', 'SPE'],
  ...['STA', 'SVE', 'TA', 'TAM', 'TOM', 'TUL', 'TVE', 'TY', 'TYU', 'UD', 'ULY', 'VGG', 'VLA', 'VLG', 'VOR', 'YAN'],
  ...['YAR', 'YEV', 'ZAB'],
];

// ---------------------------------------------------------------------------------------------
// Claims and events, each in a short sentence of its own.

const GROUPS = {
  workers: [
    ['North Korean workers', 34],
    ['lumberjacks', 8],
    ['construction workers', 10],
    ['loggers', 4],
    ['labourers', 6],
    ['contract workers', 5],
  ],
  students: [['North Korean students', 1]],
  soldiers: [
    ['North Korean troops', 2],
    ['soldiers', 1],
  ],
  refugees: [
    ['refugees', 2],
    ['defectors', 1],
  ],
  community: [
    ['ethnic Koreans', 2],
    ['Sakhalin Koreans', 1],
    ['Koryo-saram', 1],
  ],
  general: [['North Koreans', 1]],
  other: [['fishermen', 1]],
};
const GROUP_KIND_WEIGHTS = {
  workers: 34,
  general: 18,
  community: 14,
  refugees: 10,
  soldiers: 8,
  students: 7,
  other: 4,
  none: 5,
};
const MEASURE_WEIGHTS = { population: 38, arrivals: 14, departures: 6, count: 20, share: 8, money: 8, other: 6 };
const VERBS = {
  population: ['were living in', 'were working in', 'lived in', 'were employed in', 'stayed in'],
  arrivals: ['arrived in', 'came to', 'were sent to', 'entered'],
  departures: ['left', 'returned home from', 'were sent back from'],
  count: ['were registered in', 'were detained in', 'were counted in', 'received permits in'],
  other: ['harvested timber in', 'built houses in'],
};
const APPROX_WEIGHTS = { exact: 35, about: 35, range: 12, 'at-least': 8, 'at-most': 4, vague: 6 };
const MODALITY_WEIGHTS = { asserted: 70, estimated: 15, reported: 10, proposed: 3, denied: 2 };
const SOURCES = [
  ...['the Federal Migration Service', 'Rosstat', 'the Ministry of Internal Affairs', 'the UN Panel of Experts'],
  ...['Human Rights Watch', 'Yonhap', 'the Korea Institute for National Unification', 'NK News', 'Daily NK'],
  ...['the Russian Far East Development Ministry', 'the Ministry of Unification', 'Radio Free Asia', 'TASS'],
  ...['Kommersant', 'Novaya Gazeta', 'the Primorsky Krai government', 'the Khabarovsk Krai government', 'RIA Novosti'],
  ...['the US State Department', 'the Asan Institute', 'the Carnegie Moscow Center', 'Reuters', 'the BBC'],
];
const EVENT_VERBS = {
  agreement: 'signed an agreement on labour with',
  visit: 'visited',
  recruitment: 'recruited workers from',
  study: 'sent students to',
  deployment: 'deployed troops to',
  training: 'trained officers from',
  combat: 'fought alongside units from',
  casualties: 'lost soldiers near',
  capture: 'captured soldiers from',
  evacuation: 'evacuated citizens from',
  repatriation: 'repatriated workers from',
  deportation: 'deported workers from',
  abduction: 'abducted fishermen from',
  escape: 'helped defectors escape from',
  proposal: 'proposed new quotas for',
  condemnation: 'condemned the labour exports of',
  denial: 'denied sending workers to',
  sanction: 'imposed sanctions on firms from',
  other: 'reported on',
};
const ACTORS = [
  ...['Russia', 'North Korea', 'China', 'South Korea', 'the UN Security Council', 'Kim Jong Un', 'Vladimir Putin'],
  ...['the Russian government', 'Pyongyang', 'Moscow', 'the European Union', 'Japan'],
];

/** a year in 1945-2025, recent years more often (more is written about them) */
function yearOf(r) {
  return Number(r.weighted(Array.from({ length: 81 }, (_, i) => [1945 + i, 1 + i / 16])));
}

/** a time as the contract gives it, with the phrase that states it */
function timeOf(r) {
  const shape = r.weighted({ year: 57, month: 5, decade: 14, range: 16, since: 3, until: 2, none: 3 });
  const y = yearOf(r);
  switch (shape) {
    case 'year':
      return [{ start: `${y}`, end: `${y}`, edtf: `${y}`, precision: 'year' }, `In ${y}`];
    case 'month': {
      const m = String(r.int(1, 12)).padStart(2, '0');
      const name = new Date(Date.UTC(2000, Number(m) - 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
      return [{ start: `${y}-${m}`, end: `${y}-${m}`, edtf: `${y}-${m}`, precision: 'month' }, `In ${name} ${y}`];
    }
    case 'decade': {
      const d = Math.min(2020, Math.floor(y / 10) * 10);
      return [
        { start: `${d}`, end: `${d + 9}`, edtf: `${String(d).slice(0, 3)}X`, precision: 'decade' },
        `In the ${d}s`,
      ];
    }
    case 'range': {
      const a = Math.max(1945, y - r.int(1, 12));
      return [{ start: `${a}`, end: `${y}`, edtf: `${a}/${y}`, precision: 'year' }, `Between ${a} and ${y}`];
    }
    case 'since':
      return [{ start: `${y}`, end: null, edtf: `${y}/..`, precision: 'year' }, `Since ${y}`];
    case 'until':
      return [{ start: null, end: `${y}`, edtf: `../${y}`, precision: 'year' }, `Until ${y}`];
    default:
      return [null, 'At one time'];
  }
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** a figure of people (log-uniform, 10 to 100,000), as value and phrase */
function figureOf(r, measure) {
  const approx = r.weighted(APPROX_WEIGHTS);
  const size = 10 ** (1 + r.next() * (measure === 'money' ? 8 : 4));
  const round = approx === 'exact' ? Math.round(size) : Number(size.toPrecision(2));
  const unit =
    measure === 'share'
      ? 'percent'
      : measure === 'money'
        ? r.pick(['USD', 'USD', 'RUB'])
        : measure === 'other'
          ? 'tonne'
          : 'person';
  const x = unit === 'percent' ? Math.round(1 + r.next() * 60) : round;
  const money = unit === 'USD' ? '$' : '';
  const tail = unit === 'percent' ? '%' : unit === 'RUB' ? ' roubles' : unit === 'tonne' ? ' tonnes of' : '';
  const say = (v) => `${money}${fmt(v)}${tail}`;
  switch (approx) {
    case 'exact':
      return [{ low: x, high: x, approx }, unit, say(x)];
    case 'about':
      return [{ low: x, high: x, approx }, unit, `about ${say(x)}`];
    case 'range': {
      const hi =
        unit === 'percent' ? Math.min(100, x + r.int(2, 20)) : Number((x * (1.2 + r.next() * 2)).toPrecision(2));
      return [{ low: x, high: hi, approx }, unit, `${say(x)} to ${say(hi)}`];
    }
    case 'at-least':
      return [{ low: x, high: null, approx }, unit, `more than ${say(x)}`];
    case 'at-most':
      return [{ low: null, high: x, approx }, unit, `up to ${say(x)}`];
    default:
      return [
        { low: 1000, high: null, approx },
        unit,
        unit === 'person' ? 'thousands of' : `tens of ${money || 'thousands of '}`.trim(),
      ];
  }
}

const placeJson = (p, implied) => ({
  name: p.name,
  lat: p.lat,
  lon: p.lon,
  id: p.id,
  ...(implied ? { implied } : {}),
});

function makeDocument(i, pool) {
  const r = generator(1_000_003 * (i + 1));
  let text = `Generated report ${i}\n\n`;
  const sentences = [];
  const claims = [];
  const events = [];
  const used = new Set();
  const sentence = (s) => {
    const start = text.length;
    text += `${s} `;
    const index = sentences.length;
    sentences.push({ index, start, end: start + s.length, section: null });
    return { index, start, end: start + s.length };
  };
  let eventsLeft = EVENTS_PER_DOC;
  for (let c = 0; c < CLAIMS_PER_DOC; c++) {
    // events spread among the claims, about one every five sentences
    while (eventsLeft > 0 && r.next() < EVENTS_PER_DOC / CLAIMS_PER_DOC) {
      eventsLeft--;
      events.push(makeEvent(r, pool, sentence, used));
    }
    claims.push(makeClaim(r, pool, sentence, used));
  }
  while (eventsLeft-- > 0) events.push(makeEvent(r, pool, sentence, used));

  const places = [];
  const seen = new Set();
  const add = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const p = getPlace(id);
    if (!p) return;
    places.push({ id: p.id, name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, parents: [...p.parents] });
    for (const parent of p.parents) add(parent);
  };
  for (const id of used) add(id);
  const year = 1990 + r.int(0, 35);
  return {
    id: `bench-${String(i).padStart(5, '0')}`,
    title: `Generated report ${i}`,
    source: `https://example.org/bench/${i}`,
    date: `${year}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
    licence: null,
    format: 'text',
    hash: createHash('sha256').update(text).digest('hex'),
    path: null,
    extractor: `bench-query-${GENERATOR_VERSION}`,
    text,
    sections: [],
    sentences,
    claims,
    events,
    places,
    entities: [],
  };
}

function makeClaim(r, pool, sentence, used) {
  const measure = r.weighted(MEASURE_WEIGHTS);
  const kind = r.weighted(GROUP_KIND_WEIGHTS);
  const label = kind === 'none' ? 'people' : r.weighted(GROUPS[kind]);
  const place = r.weighted(pool);
  used.add(place.id);
  const [time, when] = timeOf(r);
  const [value, unit, figure] = figureOf(r, measure);
  const source = r.next() < 0.55 ? r.pick(SOURCES) : null;
  const per =
    (measure === 'arrivals' || measure === 'departures') && r.next() < 0.2
      ? 'year'
      : measure === 'money' && r.next() < 0.3
        ? 'year'
        : null;
  const modality = r.weighted(MODALITY_WEIGHTS);
  const verb =
    measure === 'share'
      ? `of the foreign workforce were ${label} in`
      : measure === 'money'
        ? `${per ? 'a year ' : ''}was earned by ${label} in`
        : `${label} ${r.pick(VERBS[measure])}${per ? ' each year' : ''}`;
  const body = measure === 'share' || measure === 'money' ? `${figure} ${verb}` : `${figure} ${verb}`;
  const said = source ? `, according to ${source}` : '';
  const s = sentence(`${when}, ${body} ${place.name}${said}.`);
  const at = s.start + when.length + 2;
  const implied = r.next();
  return {
    span: [at, at + figure.length],
    text: figure,
    sentence: [s.start, s.end],
    measure,
    value,
    unit,
    per,
    group: kind === 'none' ? null : { kind, label, ...(implied < 0.05 ? { implied: 'previous-sentence' } : {}) },
    time: time && { ...time, ...(implied > 0.9 ? { implied: 'previous-sentence' } : {}) },
    place: placeJson(place, implied > 0.85 && implied <= 0.9 ? 'document' : undefined),
    source,
    modality,
    rule: 'bench',
    sentenceIndex: s.index,
  };
}

function makeEvent(r, pool, sentence, used) {
  const type = r.pick(Object.keys(EVENT_VERBS));
  const place = r.weighted(pool);
  used.add(place.id);
  const [time, when] = timeOf(r);
  const actor = r.pick(ACTORS);
  const verb = EVENT_VERBS[type];
  const s = sentence(`${when}, ${actor} ${verb} ${place.name}.`);
  const at = s.start + when.length + 2 + actor.length + 1;
  const trigger = verb.split(' ')[0];
  return {
    span: [at, at + trigger.length],
    text: trigger,
    sentence: [s.start, s.end],
    type,
    time,
    place: placeJson(place),
    actors: [actor],
    sentenceIndex: s.index,
  };
}

// ---------------------------------------------------------------------------------------------
// Building the stores.

async function build(store, label) {
  const pool = placePool();
  const t0 = performance.now();
  let claims = 0;
  let events = 0;
  for (let i = 0; i < DOCS; i++) {
    const doc = makeDocument(i, pool);
    const put = await store.putDocument(doc);
    claims += put.claims;
    events += put.events;
    if ((i + 1) % 100 === 0 || i + 1 === DOCS) {
      const s = (performance.now() - t0) / 1000;
      process.stderr.write(`\r${label}: ${i + 1}/${DOCS} documents, ${claims} claims, ${s.toFixed(0)} s   `);
    }
  }
  process.stderr.write('\n');
  return { claims, events, seconds: (performance.now() - t0) / 1000 };
}

async function sqliteStore() {
  const file = join(tmpdir(), `atlas-bench-query-v${GENERATOR_VERSION}-${DOCS}.db`);
  if (rebuild) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  if (existsSync(file)) {
    console.log(
      `sqlite store: cached ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MB; --rebuild builds it again)`,
    );
    return file;
  }
  // built under another name and renamed when complete, so an interrupted build is never reused
  const partial = `${file}.building`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const store = await openStore(partial);
  const b = await build(store, 'sqlite build');
  await store.close();
  renameSync(partial, file);
  console.log(
    `sqlite store: built ${file} in ${b.seconds.toFixed(0)} s (${b.claims} claims, ${b.events} events, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB)`,
  );
  return file;
}

// ---------------------------------------------------------------------------------------------
// The questions: varied groups, places, years and words, drawn once for both backends.

/** which measures estimate() lets answer a question about each measure (MEASURE_FIT in src/query/estimate.ts) */
const ESTIMATE_MEASURES = {
  population: ['population', 'arrivals', 'count', 'departures'],
  arrivals: ['arrivals', 'population'],
  departures: ['departures', 'population'],
  count: ['count', 'population', 'arrivals', 'departures'],
  any: ['population', 'arrivals', 'departures', 'count', 'share', 'money'],
};
const ALL_KINDS = ['workers', 'students', 'soldiers', 'refugees', 'community', 'general', 'other'];
const LIVE = ['machine', 'accepted', 'corrected'];

function questions(n, seed) {
  const r = generator(seed);
  const pool = placePool();
  const byKind = (kind) => pool.filter(([p]) => p.kind === kind).map(([p]) => p);
  const askedPlace = () => r.pick(byKind(r.weighted({ country: 25, feature: 10, region: 35, city: 30 })));
  const kind = () =>
    r.weighted({ workers: 40, general: 15, community: 12, refugees: 10, soldiers: 10, students: 10, other: 3 });
  const heads = { workers: ['lumberjacks', 'loggers', 'labourers', null, null, null] };
  const out = { estimate: [], series: [], timeline: [], search: [] };
  for (let i = 0; i < n; i++) {
    const k = kind();
    const y = yearOf(r);
    const span = r.next() < 0.8 ? 0 : r.int(2, 10);
    out.estimate.push({
      group: { kind: k, head: heads[k] ? r.pick(heads[k]) : null },
      place: askedPlace(),
      from: y - span,
      to: y,
      measure: r.weighted({ population: 55, arrivals: 15, departures: 5, count: 15, any: 10 }),
    });
    out.series.push({
      group: kind(),
      measure: r.weighted({ population: 60, arrivals: 20, departures: 5, count: 15 }),
      place: askedPlace(),
    });
    const from = yearOf(r);
    out.timeline.push({ from, to: from + r.int(0, 10), place: askedPlace(), limit: 200 });
    const words = [
      () => r.pick(CITY_NAMES),
      () => r.weighted(GROUPS.workers).split(' ').pop(),
      () => r.pick(['deported', 'recruited', 'sanctions', 'defectors', 'students', 'troops', 'Koryo-saram']),
      () => r.pick(SOURCES).split(' ').pop(),
    ];
    const terms = new Set();
    const count = r.int(1, 3);
    while (terms.size < count) terms.add(r.pick(words)());
    out.search.push([...terms].join(' '));
  }
  for (const q of out.estimate) if (q.measure === 'any') q.measure = null;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Timing.

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function timeEach(items, fn, label = '') {
  const ms = [];
  let rows = 0;
  for (const [i, q] of items.entries()) {
    const t0 = performance.now();
    rows += await fn(q);
    ms.push(performance.now() - t0);
    if (label && process.stderr.isTTY) process.stderr.write(`\r${label} ${i + 1}/${items.length}   `);
  }
  if (label && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { p50: pct(ms, 50), p99: pct(ms, 99), rows: rows / items.length, ms };
}

/** the lookups beneath the functions, for one backend */
function lookups(backend, known) {
  const places = (place) => [...placesWithin(place, known)];
  const estimateLookup = (q) => {
    const measures = ESTIMATE_MEASURES[q.measure ?? 'any'];
    const kinds = q.group.kind === 'general' ? ALL_KINDS : [q.group.kind];
    return backend.claims({ kinds, measures, places: places(q.place), from: q.from, to: q.to });
  };
  const seriesLookup = (q) =>
    backend.claims({
      kinds: q.group === 'general' ? ALL_KINDS : [q.group],
      measures: [q.measure],
      places: places(q.place),
    });
  const timelineLookup = async (q) => {
    const where = { places: places(q.place), from: q.from, to: q.to };
    return (await backend.events(where)) + (await backend.claims(where));
  };
  return { estimate: estimateLookup, series: seriesLookup, timeline: timelineLookup, search: backend.search };
}

function sqliteBackend(file) {
  const db = new Database(file, { readonly: true });
  const cache = new Map();
  const all = (sql, params) => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st.all(...params).length;
  };
  const marks = (xs) => xs.map(() => '?').join(', ');
  const conditions = (f, params, claims) => {
    const out = [];
    if (claims) {
      out.push(`status IN (${marks(LIVE)})`);
      params.push(...LIVE);
    }
    for (const [column, values] of [
      ['group_kind', f.kinds],
      ['measure', f.measures],
      ['place_id', f.places],
    ]) {
      if (!values) continue;
      out.push(`${column} IN (${marks(values)})`);
      params.push(...values);
    }
    if (f.from !== undefined) {
      out.push('year_to >= ? AND year_from <= ?');
      params.push(f.from, f.to);
    }
    return out.join(' AND ');
  };
  return {
    claims(f) {
      const params = [];
      return all(`SELECT * FROM claims WHERE ${conditions(f, params, true)}`, params);
    },
    events(f) {
      const params = [];
      return all(`SELECT * FROM events WHERE ${conditions(f, params, false)}`, params);
    },
    search(words) {
      const match = words
        .split(' ')
        .map((w) => `"${w}"`)
        .join(' ');
      return all(
        'SELECT rowid, bm25(sentences_fts) AS rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT 20',
        [match],
      );
    },
    plan(f) {
      const params = [];
      const sql = `SELECT * FROM claims WHERE ${conditions(f, params, true)}`;
      return db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .join('; ');
    },
    close: () => db.close(),
  };
}

function postgresBackend(url) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const conditions = (f, params, claims) => {
    const out = [];
    const bind = (v) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (claims) out.push(`status = ANY(${bind(LIVE)}::text[])`);
    if (f.kinds) out.push(`group_kind = ANY(${bind(f.kinds)}::text[])`);
    if (f.measures) out.push(`measure = ANY(${bind(f.measures)}::text[])`);
    if (f.places) out.push(`place_id = ANY(${bind(f.places)}::text[])`);
    if (f.from !== undefined) out.push(`year_to >= ${bind(f.from)} AND year_from <= ${bind(f.to)}`);
    return out.join(' AND ');
  };
  const count = async (sql, params) => (await pool.query(sql, params)).rowCount;
  return {
    claims(f) {
      const params = [];
      return count(`SELECT * FROM claims WHERE ${conditions(f, params, true)}`, params);
    },
    events(f) {
      const params = [];
      return count(`SELECT * FROM events WHERE ${conditions(f, params, false)}`, params);
    },
    search(words) {
      return count(
        `SELECT document, idx FROM sentences WHERE tsv @@ plainto_tsquery('english', $1)
         ORDER BY ts_rank(tsv, plainto_tsquery('english', $1)) DESC LIMIT 20`,
        [words],
      );
    },
    close: () => pool.end(),
  };
}

/** estimate by the kind of place asked about: a country holds far more claims than a city */
function estimateDetail(queries, ms, lookupMs) {
  for (const kind of ['country', 'feature', 'region', 'city']) {
    const at = queries.flatMap((q, i) => (q.place.kind === kind ? [i] : []));
    if (at.length === 0) continue;
    const f = at.map((i) => ms[i]);
    const l = at.map((i) => lookupMs[i]);
    const under10 = f.filter((x) => x < 10).length;
    console.log(
      `  ${kind.padEnd(8)} ${pct(f, 50).toFixed(2).padStart(8)} ${pct(f, 99).toFixed(2).padStart(8)}   ${pct(l, 50).toFixed(2).padStart(10)} ${pct(l, 99).toFixed(2).padStart(8)}   ${String(at.length).padStart(6)} queries, ${under10} under 10 ms`,
    );
  }
}

async function measure(name, store, backend, qs) {
  const known = await store.knownPlaces();
  const under = lookups(backend, known);
  const fns = {
    estimate: async (q) => (await estimate(store, q)).candidates.length,
    series: async (q) => (await series(store, q)).length,
    timeline: async (q) => (await timeline(store, q)).length,
    search: async (q) => (await store.search(q, { limit: 20 })).length,
  };
  const out = {};
  console.log(
    `\n${name}: ${QUERIES} queries each after ${WARMUP} warm-up (estimate: after ${WARMUP + QUERIES}, see "first" below); lookup = the one indexed SQL query beneath, run directly`,
  );
  console.log(
    `${'function'.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}   ${'lookup p50'.padStart(10)} ${'p99'.padStart(8)}   ${'ratio'.padStart(6)}   rows/query (lookup)`,
  );
  for (const fn of ['estimate', 'series', 'timeline', 'search']) {
    // each timed after its own warm-up: the lookups return up to hundreds of thousands of rows,
    // and timed between them the function paid for collecting their garbage
    await timeEach(qs.warm[fn], fns[fn]);
    // estimate: first a pass over questions of their own, right after opening (and the warm-up
    // that lets the JIT compile), which also brings the store to a steady state for the next
    const first = fn === 'estimate' ? await timeEach(qs.first.estimate, fns[fn], `${fn} (first)`) : null;
    const f = await timeEach(qs.main[fn], fns[fn], fn);
    // estimate: the same questions twice more (before the lookups, as the first pass)
    const again = fn === 'estimate' ? [await timeEach(qs.main[fn], fns[fn]), await timeEach(qs.main[fn], fns[fn])] : [];
    await timeEach(qs.warm[fn], under[fn]);
    const l = await timeEach(qs.main[fn], under[fn], `${fn} lookup`);
    const ratio = f.p50 / l.p50;
    out[fn] = { ...f, lookupP50: l.p50, lookupP99: l.p99, ratio };
    console.log(
      `${fn.padEnd(10)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)}   ${l.p50.toFixed(2).padStart(10)} ${l.p99.toFixed(2).padStart(8)}   ${ratio.toFixed(2).padStart(6)}   ${l.rows.toFixed(0)}`,
    );
    if (fn === 'estimate') {
      estimateDetail(qs.main.estimate, f.ms, l.ms);
      out.estimate.firstP50 = first.p50;
      out.estimate.firstP99 = first.p99;
      console.log(
        `  first ${first.ms.length} after opening ${first.p50.toFixed(2).padStart(8)} ${first.p99.toFixed(2).padStart(8)}   (other questions, asked before the ones above; ${first.ms.filter((x) => x < 10).length} under 10 ms)`,
      );
      // Each question's fastest of its three passes: what the code costs with the machine's
      // hiccups (a GC pause, a slow second) mostly taken out. The p99 above, of one pass, is the
      // one the aim is about; this one tells the code from the machine.
      const best = f.ms.map((ms, i) => Math.min(ms, ...again.map((a) => a.ms[i])));
      out.estimate.best3P50 = pct(best, 50);
      out.estimate.best3P99 = pct(best, 99);
      console.log(
        `  best of 3 a question ${pct(best, 50).toFixed(2).padStart(8)} ${pct(best, 99).toFixed(2).padStart(8)}   (${best.filter((x) => x < 10).length} of ${best.length} under 10 ms)`,
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const qs = { main: questions(QUERIES, 7), warm: questions(WARMUP, 99), first: questions(QUERIES, 11) };
const results = {};
let claimCount = DOCS * CLAIMS_PER_DOC;

{
  const file = await sqliteStore();
  const store = await openStore(file);
  claimCount = await store.countClaims();
  const backend = sqliteBackend(file);
  const sample = qs.main.estimate[0];
  const known = await store.knownPlaces();
  console.log(
    `sqlite plan (estimate lookup): ${backend.plan({
      kinds: [sample.group.kind],
      measures: ESTIMATE_MEASURES[sample.measure ?? 'any'],
      places: [...placesWithin(sample.place, known)],
      from: sample.from,
      to: sample.to,
    })}`,
  );
  try {
    results.sqlite = await measure(`sqlite (${claimCount} claims)`, store, backend, qs);
  } finally {
    backend.close();
    await store.close();
  }
}

const pgUrl = process.env.ATLAS_BENCH_PG ?? process.env.ATLAS_TEST_PG;
if (pgUrl) {
  // a schema of its own, dropped afterwards, so the bench never touches real data
  const schema = `bench_query_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const store = await openStore(url.toString());
    const backend = postgresBackend(url.toString());
    try {
      const b = await build(store, 'postgres build');
      console.log(`postgres store: built in ${b.seconds.toFixed(0)} s (${b.claims} claims, ${b.events} events)`);
      await admin.query(`ANALYZE ${schema}.claims, ${schema}.events, ${schema}.sentences`);
      results.postgres = await measure(`postgres (${b.claims} claims)`, store, backend, qs);
    } finally {
      await backend.close();
      await store.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('\npostgres skipped: set ATLAS_BENCH_PG or ATLAS_TEST_PG to a postgres:// URL');
}

const fields = [`claims=${claimCount}`];
for (const [backend, r] of Object.entries(results)) {
  for (const [fn, x] of Object.entries(r)) {
    fields.push(
      `${backend}_${fn}_p50_ms=${x.p50.toFixed(2)}`,
      `${backend}_${fn}_p99_ms=${x.p99.toFixed(2)}`,
      `${backend}_${fn}_ratio=${x.ratio.toFixed(2)}`,
    );
    if (x.firstP99 !== undefined) {
      fields.push(
        `${backend}_${fn}_first_p50_ms=${x.firstP50.toFixed(2)}`,
        `${backend}_${fn}_first_p99_ms=${x.firstP99.toFixed(2)}`,
      );
    }
    if (x.best3P99 !== undefined) fields.push(`${backend}_${fn}_best3_p99_ms=${x.best3P99.toFixed(2)}`);
  }
}
console.log(fields.join(' '));
