/**
 * Builds data/gazetteer.json, the compact place index that src/extract/places/gazetteer.ts loads,
 * from world-countries (countries, demonyms, capitals), country-state-city (first-level regions and
 * towns with coordinates) and data/places-curated.json (features, historical names, aliases and
 * stoplists the packages lack).
 *
 *   npx tsx scripts/build-gazetteer.ts                  # writes data/gazetteer.json
 *   npx tsx scripts/build-gazetteer.ts --suggest-stopwords /usr/share/dict/american-english
 *       # prints the lower-case dictionary words among generated town/region names, for
 *       # stopNames.englishWords in places-curated.json (the build itself needs no dictionary)
 *
 * Output: columns of places (id, name, kind, lat, lon, parent index) and of names (lower-case
 * tokens as src/extract/tokenize.ts splits them, a case rule per token, place index, flags:
 * 1 = demonym, 2 = weak, a town or region name the annotator accepts only outside a run of
 * other capitalised words).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { City, State } from 'country-state-city';
import worldCountries, { type Country } from 'world-countries';
import { tokenize } from '../src/extract/tokenize.js';

type Kind = 'country' | 'region' | 'city' | 'feature';

interface Place {
  id: string;
  name: string;
  kind: Kind;
  lat: number | null;
  lon: number | null;
  parent: string | null;
}

interface AliasCandidate {
  text: string;
  place: string;
  priority: number;
  demonym: boolean;
  weak: boolean;
  /** generated from package data, so the stoplists apply */
  guarded: boolean;
}

interface CuratedFeature {
  id: string;
  name: string;
  lat: number;
  lon: number;
  parent: string | null;
  aliases: string[];
  demonyms?: string[];
  children?: string[];
}

interface CuratedCity {
  country: string;
  name: string;
  region?: string;
  lat?: number;
  lon?: number;
  aliases?: string[];
  capital?: boolean;
}

interface Curated {
  focusCountries: { codes: string[]; postSoviet: string[] };
  countryNames: Record<string, string>;
  countryAliases: Record<string, string[]>;
  countryParents: Record<string, string>;
  features: CuratedFeature[];
  regionNames: Record<string, string>;
  regionAliases: Record<string, string[]>;
  regionCoords: Record<string, [number, number]>;
  cityAliases: Record<string, string[]>;
  majorCities: { list: CuratedCity[] };
  extraCities: { list: CuratedCity[] };
  preferTowns: { list: string[] };
  notPlaces: { list: string[] };
  demonyms: Record<string, string[]>;
  stopNames: { keep: string[]; personNames: string[]; englishWords: string[] };
}

// Who wins when two places claim one name. Countries and hand-kept names beat everything;
// a capital beats the region of the same name (Moscow the city, not the federal subject);
// a regional capital beats the bare stem of a post-Soviet region ("Kursk" is the town, "Kursk
// Oblast" the region) but a Chinese province keeps its name ("Jilin" is usually the province).
const PRIORITY = {
  curated: 100,
  country: 90,
  capital: 84,
  major: 83,
  regionName: 80,
  demonym: 75,
  regionCapital: 65,
  regionStem: 60,
  cityRegionName: 58,
  city: 55,
  regionStemPostSoviet: 50,
  foreignRegion: 45,
  foreignRegionStem: 40,
} as const;

// The package's types describe an ES module, but Node loads its CommonJS entry, whose default
// export is the array itself.
const countries = worldCountries as unknown as Country[];

const ROOT = new URL('../', import.meta.url);
const curated = JSON.parse(readFileSync(new URL('data/places-curated.json', ROOT), 'utf8')) as Curated;
const FOCUS = new Set(curated.focusCountries.codes);
const POST_SOVIET = new Set(curated.focusCountries.postSoviet);
// Cross-country ties between towns of one name go to the earlier country: Ukraine before Russia
// because war news names Ukrainian towns far more than their Russian namesakes (Pokrovsk).
const COUNTRY_RANK = new Map(['KP', 'KR', 'UA', ...curated.focusCountries.codes].map((c, i) => [c, i] as const));

const SPECIAL_LETTERS: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ə: 'a',
  Ə: 'A',
};

/** "Hamhŭng" -> "Hamhung", "Đà Nẵng" -> "Da Nang". */
function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐłŁøØæÆœßıəƏ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

const APOSTROPHES = /[’‘ʼ`]/g;

/** A name as written, without marks, and with its apostrophes straight, curly or dropped ("Namp’o", "Nampo"). */
function variants(name: string): string[] {
  const out = new Set<string>();
  for (const base of [name, stripMarks(name)]) {
    out.add(base);
    if (/['’‘ʼ`]/.test(base)) {
      out.add(base.replace(APOSTROPHES, "'"));
      out.add(base.replace(/'/g, '’').replace(/[‘ʼ`]/g, '’'));
      out.add(base.replace(/['’‘ʼ`]/g, ''));
    }
  }
  return [...out];
}

const tokenTexts = (s: string): string[] => tokenize(s).map((t) => t.text);
const keyOf = (s: string): string =>
  tokenTexts(s)
    .map((t) => t.toLowerCase())
    .join(' ');

function slug(s: string): string {
  return stripMarks(s)
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const round = (x: number | string | null | undefined): number | null => {
  const n = typeof x === 'string' ? Number.parseFloat(x) : x;
  return n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 10000) / 10000;
};

// Latin script only: the annotator reads English text, and a native spelling in another script
// ("조선") can only ever match itself.
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʼ`.\-‐,()]+$/u;

// --- stoplists ---------------------------------------------------------------------------------

const keep = new Set(curated.stopNames.keep.map((w) => w.toLowerCase()));
const englishWords = new Set(curated.stopNames.englishWords.map((w) => w.toLowerCase()).filter((w) => !keep.has(w)));
const personNames = new Set(curated.stopNames.personNames.map((w) => w.toLowerCase()));
const GLUE = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'el', 'al', 'on', 'upon', 'in', 'st', 'saint', '.']);

/** A generated name that is an English word or a person's name, alone or all in such words ("Hope Town"). */
function isStopName(text: string): boolean {
  const words = tokenTexts(text).map((t) => t.toLowerCase());
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return true;
  if (words.length === 1) return englishWords.has(words[0]) || personNames.has(words[0]);
  return words.every((w) => englishWords.has(w) || personNames.has(w) || GLUE.has(w) || !/\p{L}/u.test(w));
}

// --- collection --------------------------------------------------------------------------------

const places = new Map<string, Place>();
/** Curated entries that name nothing the packages hold: reported after suggest mode, fatal for a build. */
const problems: string[] = [];
const candidates: AliasCandidate[] = [];
const suggestWords = new Set<string>();

function addPlace(p: Place): Place {
  const existing = places.get(p.id);
  if (existing) return existing;
  places.set(p.id, p);
  return p;
}

function addAlias(text: string, place: string, priority: number, opts: Partial<AliasCandidate> = {}): void {
  for (const v of variants(text.trim())) {
    if (!v || !LATIN_NAME.test(v)) continue;
    const guarded = opts.guarded ?? false;
    if (guarded) for (const w of tokenTexts(v)) suggestWords.add(w.toLowerCase());
    candidates.push({ text: v, place, priority, demonym: opts.demonym ?? false, weak: opts.weak ?? false, guarded });
  }
}

// --- countries ---------------------------------------------------------------------------------

// Two-letter codes are pronouns and abbreviations in prose ("IN", "IT", "US" in a headline); only
// the two that English writes for countries are kept, and only in capitals (the loader enforces it).
const KEEP_CODES = new Set(['US', 'UK']);

const demonymOwners = new Map<string, { cc: string; rank: number }>();
for (const c of countries) {
  const cc = c.cca2;
  addPlace({
    id: cc,
    name: curated.countryNames[cc] ?? c.name.common,
    kind: 'country',
    lat: round(c.latlng[0]),
    lon: round(c.latlng[1]),
    parent: curated.countryParents[cc] ?? null,
  });
  for (const n of [c.name.common, c.name.official]) addAlias(n.replace(/^The /, ''), cc, PRIORITY.country);
  // Native spellings lose their marks to variants and may become English words (Ísland ->
  // "Island"), so they go through the stoplists; the English names do not ("Turkey", "Chad").
  for (const n of c.altSpellings) {
    if (n.includes(', ') || (n.length <= 2 && !KEEP_CODES.has(n))) continue;
    addAlias(n.replace(/^The /, ''), cc, PRIORITY.country, { guarded: !KEEP_CODES.has(n) });
  }
  for (const n of curated.countryAliases[cc] ?? []) addAlias(n, cc, PRIORITY.curated);
  const rank = (c.independent ? 2 : 0) + (c.unMember ? 1 : 0);
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
    if (!d) continue;
    const prev = demonymOwners.get(d);
    if (!prev || prev.rank < rank) demonymOwners.set(d, { cc, rank });
  }
}
for (const [d, { cc }] of demonymOwners) {
  addAlias(d, cc, PRIORITY.demonym, { demonym: true });
  // Plural nouns name the people: "the North Koreans sent", "Russians". -ese, -ish, -ch take none.
  if (/(an|i|er)$/.test(d)) addAlias(`${d}s`, cc, PRIORITY.demonym, { demonym: true });
}
for (const [id, list] of Object.entries(curated.demonyms)) {
  if (id.startsWith('$')) continue;
  for (const d of list) addAlias(d, id, PRIORITY.curated, { demonym: true });
}

// --- features ----------------------------------------------------------------------------------

const parentOverride = new Map<string, string>();
for (const f of curated.features) {
  addPlace({ id: f.id, name: f.name, kind: 'feature', lat: f.lat, lon: f.lon, parent: f.parent });
  for (const a of [f.name, ...f.aliases]) addAlias(a, f.id, PRIORITY.curated);
  for (const d of f.demonyms ?? []) addAlias(d, f.id, PRIORITY.curated, { demonym: true });
  for (const child of f.children ?? []) parentOverride.set(child, f.id);
}

// --- regions -----------------------------------------------------------------------------------

const REGION_SUFFIX =
  /^(.+?)\s+(Oblast|Krai|Province|Region|Prefecture|Autonomous Okrug|Autonomous Oblast|Autonomous Region|Autonomous Province|Governorate|Territory|Republic|SAR|Special Administrative Region|Division|Department|Voivodeship|Emirate)$/i;
const REGION_PREFIX = /^(?:Autonomous )?Republic of (.+)$/i;

interface RegionInfo {
  id: string;
  cc: string;
  iso: string;
  name: string;
  stem: string | null;
}
/**
 * The English form of a focus-country name: marks dropped (Hamhŭng -> Hamhung, Hà Giang -> Ha
 * Giang, Kyōto -> Kyoto) and, for Korean and post-Soviet names, apostrophes too (Namp’o -> Nampo,
 * Kramators’k -> Kramatorsk), as news writes them. The written form stays an alias.
 */
function displayName(cc: string, name: string): string {
  if (!FOCUS.has(cc)) return name;
  const plain = stripMarks(name);
  return POST_SOVIET.has(cc) || cc === 'KR' || cc === 'KP' ? plain.replace(/['’‘ʼ`]/g, '') : plain;
}

const regions: RegionInfo[] = [];
const regionById = new Map<string, RegionInfo>();

for (const s of State.getAllStates()) {
  // country-state-city files Sevastopol under RU with the ISO code UA-40; an ISO code that
  // already carries its country is used as the id as it stands.
  const id = s.isoCode.includes('-') ? s.isoCode : `${s.countryCode}-${s.isoCode}`;
  const cc = id.slice(0, 2);
  if (regionById.has(id)) continue;
  const renamed = curated.regionNames[id];
  const name = renamed ?? displayName(cc, s.name);
  if (name !== s.name && !renamed)
    addAlias(s.name, id, FOCUS.has(cc) ? PRIORITY.regionName : PRIORITY.foreignRegion, {
      weak: !FOCUS.has(cc),
      guarded: true,
    });
  const stemMatch = REGION_SUFFIX.exec(name) ?? REGION_PREFIX.exec(name);
  const info: RegionInfo = { id, cc, iso: s.isoCode, name, stem: stemMatch ? stemMatch[1] : null };
  regions.push(info);
  regionById.set(id, info);
  const fixed = curated.regionCoords[id];
  addPlace({
    id,
    name,
    kind: 'region',
    lat: fixed ? fixed[0] : round(s.latitude),
    lon: fixed ? fixed[1] : round(s.longitude),
    parent: parentOverride.get(id) ?? cc,
  });
}

// --- towns -------------------------------------------------------------------------------------

interface CityCandidate {
  cc: string;
  region: string | null;
  name: string;
  lat: number | null;
  lon: number | null;
  rank: number; // 3 capital, 2 major, 1 regional capital, 0.5 urban district, 0.25 district centre, 0 other
}

const allCities = City.getAllCities();
const normName = (s: string): string =>
  stripMarks(s)
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '');
const citiesByCountry = new Map<string, typeof allCities>();
for (const c of allCities) {
  let list = citiesByCountry.get(c.countryCode);
  if (!list) {
    list = [];
    citiesByCountry.set(c.countryCode, list);
  }
  list.push(c);
}
const regionIdOf = (cc: string, stateCode: string): string | null => {
  const id = stateCode.includes('-') ? stateCode : `${cc}-${stateCode}`;
  return regionById.has(id) ? id : null;
};
const regionCentres = new Map<string, Place[]>();
for (const r of regions) {
  const p = places.get(r.id);
  if (!p || p.lat === null || p.lon === null) continue;
  let list = regionCentres.get(r.cc);
  if (!list) {
    list = [];
    regionCentres.set(r.cc, list);
  }
  list.push(p);
}
const degrees = (a: { lat: number | null; lon: number | null }, lat: number, lon: number): number =>
  Math.hypot((a.lat ?? 0) - lat, (a.lon ?? 0) - lon);
// How far (in degrees) a town may lie from its region's centre before its region code is taken
// for a slip: the package files Irkutsk (52N 104E) under Sevastopol's code. Krasnoyarsk Krai and
// Sakha span ~15 degrees, so half of that.
const REGION_SLIP = 12;

/** The town's region: the package's, unless the town lies far from it; then the nearest in its country. */
function regionFor(cc: string, stateCode: string, lat: number | null, lon: number | null): string | null {
  const id = regionIdOf(cc, stateCode);
  if (lat === null || lon === null) return id;
  const given = id ? places.get(id) : undefined;
  if (given && given.lat !== null && degrees(given, lat, lon) <= REGION_SLIP && id?.startsWith(cc)) return id;
  let best: Place | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const r of regionCentres.get(cc) ?? []) {
    const d = degrees(r, lat, lon);
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best && bestDistance <= REGION_SLIP ? best.id : id;
}

/**
 * The town name the prose writes, or null for an administrative unit. Korean towns come as
 * "Anyang-si", "Musan-ŭp" (drop the suffix), districts as "-gu", "-gun", "-dong", villages as
 * "-ri"/"-ni"; Japanese and Chinese towns repeat as "X Shi"; Russian and Ukrainian lists hold
 * rayons and city councils ("Mis'krada").
 */
function townName(cc: string, raw: string): string | null {
  let name = raw.trim();
  if (/[\d(/,]/.test(name)) return null;
  if (
    /\b(Rayon|Raion|District|Okrug|Municipality|County|Oblast|Krai|Gun|Town|Village|Qu|Xian|Chengguanzhen|Urban|Rada|Mis[’']krada|Prefecture|Province)$/i.test(
      name,
    )
  )
    return null;
  if (cc === 'KR' || cc === 'KP') {
    if (/-(gu|gun|dong|tong|ri|ni|li|rodongjagu|nodongjagu|myeon)$|\sgun$/i.test(name)) return null;
    name = name.replace(/-(si|ŭp|up|eup)$/i, '');
  }
  if (cc === 'JP') name = name.replace(/(\s|-)(shi|Shi|machi|chō)$/, '');
  if (cc === 'CN') {
    name = name.replace(/\sShi$/, '');
    if (/cun$/.test(name)) return null;
  }
  if (!/^\p{Lu}/u.test(name)) return null;
  return name;
}

const cityCands: CityCandidate[] = [];

function findInPackage(cc: string, names: string[]): (typeof allCities)[number] | null {
  const wanted = new Set(names.map(normName));
  for (const c of citiesByCountry.get(cc) ?? []) if (wanted.has(normName(c.name))) return c;
  return null;
}

// Capitals and the curated major towns, strong everywhere.
const capitalOf = new Map<string, string>();
for (const m of curated.majorCities.list) if (m.capital) capitalOf.set(m.country, m.name);
const strongTowns: CuratedCity[] = [];
for (const c of countries) {
  const cap = capitalOf.get(c.cca2) ?? c.capital?.[0];
  // Capitals of dependencies (Hamilton, Douglas, Stanley, Kingston) read as surnames in prose.
  if (!cap || !c.independent) continue;
  if (!capitalOf.has(c.cca2)) strongTowns.push({ country: c.cca2, name: cap, capital: true });
}
strongTowns.push(...curated.majorCities.list);
const majorAliases = new Map<string, string[]>();
for (const m of strongTowns) {
  // Curated coordinates win: searching the package by alias finds namesakes (a Washington in Connecticut).
  const found = m.lat === undefined ? findInPackage(m.country, [m.name, ...(m.aliases ?? [])]) : null;
  const lat = found ? round(found.latitude) : (m.lat ?? null);
  const lon = found ? round(found.longitude) : (m.lon ?? null);
  if (lat === null) {
    console.error(`build-gazetteer: no coordinates for ${m.country} ${m.name}; skipped`);
    continue;
  }
  const name = m.name;
  cityCands.push({
    cc: m.country,
    region: found ? regionFor(m.country, found.stateCode, lat, lon) : (m.region ?? null),
    name,
    lat,
    lon,
    rank: m.capital ? 3 : 2,
  });
  if (m.aliases?.length) majorAliases.set(`${m.country}:${normName(name)}`, m.aliases);
}

const regionStemKeys = new Map<string, string>(); // region id -> key of its name stem or bare name
for (const r of regions) regionStemKeys.set(r.id, keyOf(stripMarks(r.stem ?? r.name)));

// The package files a Russian town that is also an urban district a second time as "Gorod X" or
// "X Urban Okrug": the mark of a real town among namesake villages (Blagoveshchensk in Amur, not
// the one in Bashkortostan).
const preferTowns = new Set(curated.preferTowns.list);
const URBAN_MARK = /^Gorod (.+)$|^(.+?) (?:Urban Okrug|Gorodskoy Okrug)$/;
const urbanTowns = new Set<string>();
// A district named after a town ("Surgutskiy Rayon", "Bakhmut Raion") marks the town as a
// district centre, more likely meant than a namesake village elsewhere.
const RAYON = /^(.+?)\s+(?:Rayon|Raion)$/;
const rayonStems = new Map<string, string[]>();
for (const cc of FOCUS) {
  for (const c of citiesByCountry.get(cc) ?? []) {
    const m = URBAN_MARK.exec(c.name);
    if (m) urbanTowns.add(`${cc}-${c.stateCode}|${keyOf(stripMarks(m[1] ?? m[2]))}`);
    const r = RAYON.exec(c.name);
    if (r) {
      const region = `${cc}-${c.stateCode}`;
      let list = rayonStems.get(region);
      if (!list) {
        list = [];
        rayonStems.set(region, list);
      }
      list.push(normName(r[1]));
    }
  }
}
const isDistrictCentre = (region: string, name: string): boolean => {
  const n = normName(name);
  return (rayonStems.get(region) ?? []).some((r) => r.startsWith(n) && r.length - n.length <= 5);
};
for (const cc of FOCUS) {
  for (const c of citiesByCountry.get(cc) ?? []) {
    if (URBAN_MARK.test(c.name)) continue;
    const name = townName(cc, c.name);
    if (!name) continue;
    const lat = round(c.latitude);
    const lon = round(c.longitude);
    const region = regionFor(cc, c.stateCode, lat, lon);
    const key = keyOf(stripMarks(name));
    const isRegionCapital = region !== null && regionStemKeys.get(region) === key;
    const urban = region !== null && urbanTowns.has(`${region}|${key}`);
    const centre = region !== null && isDistrictCentre(region, name);
    const preferred = preferTowns.has(`${region}:${name}`);
    cityCands.push({
      cc,
      region,
      name,
      lat,
      lon,
      rank: isRegionCapital ? 1 : preferred ? 0.75 : urban ? 0.5 : centre ? 0.25 : 0,
    });
  }
}
for (const e of curated.extraCities.list) {
  cityCands.push({
    cc: e.country,
    region: e.region ?? null,
    name: e.name,
    lat: e.lat ?? null,
    lon: e.lon ?? null,
    rank: 2,
  });
}

// One town per name across the focus countries: the highest rank wins, then the country order;
// two unranked namesakes in one country (villages called Pokrovka) are dropped, since a wrong
// coordinate is worse than none.
const byKey = new Map<string, CityCandidate[]>();
for (const c of cityCands) {
  const k = keyOf(stripMarks(c.name)).replace(/['’‘ʼ`]/g, '');
  let list = byKey.get(k);
  if (!list) {
    list = [];
    byKey.set(k, list);
  }
  list.push(c);
}
const chosenCities: CityCandidate[] = [];
for (const list of byKey.values()) {
  list.sort(
    (a, b) =>
      b.rank - a.rank ||
      (COUNTRY_RANK.get(a.cc) ?? 99) - (COUNTRY_RANK.get(b.cc) ?? 99) ||
      a.name.length - b.name.length,
  );
  const [best, second] = list;
  if (second && second.rank === best.rank && second.cc === best.cc && best.rank < 2) {
    // Same name twice in one country at the same rank: keep only if they are the same place.
    const near =
      best.lat !== null &&
      second.lat !== null &&
      Math.abs(best.lat - second.lat) + Math.abs((best.lon ?? 0) - (second.lon ?? 0)) < 0.3;
    if (!near) {
      if (process.env.GAZETTEER_DEBUG)
        console.error(`tie dropped: ${list.map((c) => `${c.name}/${c.region}`).join(', ')}`);
      continue;
    }
  }
  chosenCities.push(best);
}

for (const c of chosenCities) {
  const id = `city:${c.cc}:${slug(c.name)}`;
  if (places.has(id)) continue;
  const name = displayName(c.cc, c.name);
  addPlace({ id, name, kind: 'city', lat: c.lat, lon: c.lon, parent: c.region ?? c.cc });
  const strong = c.rank >= 1;
  const priority =
    c.rank === 3
      ? PRIORITY.capital
      : c.rank === 2
        ? PRIORITY.major
        : c.rank === 1
          ? PRIORITY.regionCapital
          : PRIORITY.city;
  // Capitals and curated towns are known names; the rest of the package is guarded.
  for (const n of new Set([name, c.name])) addAlias(n, id, priority, { weak: !strong, guarded: c.rank !== 2 });
  for (const a of majorAliases.get(`${c.cc}:${normName(c.name)}`) ?? []) addAlias(a, id, PRIORITY.curated);
}
for (const e of curated.extraCities.list) {
  const id = `city:${e.country}:${slug(e.name)}`;
  for (const a of e.aliases ?? []) addAlias(a, id, PRIORITY.curated);
}
for (const [id, list] of Object.entries(curated.cityAliases)) {
  if (id.startsWith('$')) continue;
  if (!places.has(id)) problems.push(`cityAliases: no town ${id} in the gazetteer`);
  else for (const a of list) addAlias(a, id, PRIORITY.curated);
}

// Region names, after the towns so a region can yield its name to a same-named town.
const townKeysByRegion = new Set<string>();
for (const p of places.values())
  if (p.kind === 'city' && p.parent) townKeysByRegion.add(`${p.parent}|${keyOf(stripMarks(p.name))}`);

for (const r of regions) {
  const focus = FOCUS.has(r.cc);
  const renamed = r.id in curated.regionNames;
  // A city-region (Seoul, Busan, Bangkok, Kyiv) shares its name with its town: the town is what
  // prose means. Chinese provinces are the exception: "Jilin" is the province, "Jilin City" the town.
  const cityRegion = r.cc !== 'CN' && townKeysByRegion.has(`${r.id}|${keyOf(stripMarks(r.name))}`);
  const namePriority = !focus ? PRIORITY.foreignRegion : cityRegion ? PRIORITY.cityRegionName : PRIORITY.regionName;
  // A hand-kept display name is trusted (not guarded) but still yields to a same-named town.
  addAlias(r.name, r.id, renamed && !cityRegion ? Math.max(namePriority, PRIORITY.regionName) : namePriority, {
    weak: !focus,
    guarded: !renamed,
  });
  if (r.stem) {
    const stemPriority = !focus
      ? PRIORITY.foreignRegionStem
      : POST_SOVIET.has(r.cc)
        ? PRIORITY.regionStemPostSoviet
        : PRIORITY.regionStem;
    addAlias(r.stem, r.id, stemPriority, { weak: true, guarded: true });
    if (focus && REGION_SUFFIX.test(r.name)) {
      // "Kursk region", "Kursk oblast", "Kursk province": news writes all three.
      for (const generic of ['region', 'oblast', 'province'])
        addAlias(`${r.stem} ${generic}`, r.id, PRIORITY.regionName, { guarded: true });
      if (/Krai$/i.test(r.name)) addAlias(`${r.stem} territory`, r.id, PRIORITY.regionName, { guarded: true });
    }
  }
  for (const a of curated.regionAliases[r.id] ?? []) addAlias(a, r.id, PRIORITY.curated);
}
for (const id of Object.keys(curated.regionAliases)) {
  if (!id.startsWith('$') && !regionById.has(id)) problems.push(`regionAliases: no region ${id}`);
}
for (const id of Object.keys(curated.regionNames)) {
  if (!id.startsWith('$') && !regionById.has(id)) problems.push(`regionNames: no region ${id}`);
}

// Names that contain a place name but name no place: the annotator consumes them and reports nothing.
const NOT_A_PLACE = '$not-a-place';
for (const n of curated.notPlaces.list) addAlias(n, NOT_A_PLACE, PRIORITY.curated);

// --- suggest mode ------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const suggestAt = argv.indexOf('--suggest-stopwords');
if (suggestAt >= 0) {
  const dictPath = argv[suggestAt + 1];
  if (!dictPath) throw new Error('--suggest-stopwords needs a word list path, e.g. /usr/share/dict/american-english');
  const dict = new Set(
    readFileSync(dictPath, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => w && w === w.toLowerCase() && !w.includes("'")),
  );
  const hits = [...suggestWords].filter((w) => dict.has(w) && !keep.has(w)).sort();
  process.stdout.write(`${JSON.stringify(hits)}\n`);
  process.exit(0);
}

if (problems.length > 0) throw new Error(`places-curated.json: ${problems.join('; ')}`);

// --- resolve aliases ---------------------------------------------------------------------------

// Per token, the least demanding spelling among variants of one alias of one place: lower-case
// ("peninsula") accepts any case, a capital ("Peninsula") demands one, all-capitals demands all.
const caseRank = (t: string): number => {
  if (!/^\p{Lu}/u.test(t)) return 0;
  return t.length > 1 && t === t.toUpperCase() && /\p{L}/u.test(t.slice(1)) ? 2 : 1;
};

interface Resolved {
  tokens: string[];
  place: string;
  priority: number;
  demonym: boolean;
  weak: boolean;
}
const resolved = new Map<string, Resolved>();
let stopped = 0;
for (const c of candidates) {
  if (c.guarded && isStopName(c.text)) {
    stopped++;
    continue;
  }
  if (!places.has(c.place) && c.place !== NOT_A_PLACE)
    throw new Error(`alias ${c.text} names unknown place ${c.place}`);
  const toks = tokenTexts(c.text);
  if (toks.length === 0 || toks.length > 8) continue;
  // Every alias must start with a letter; a lower-case start is allowed only for curated names
  // ("northeast China"): the annotator looks lower-case words up only when they may start one,
  // and world-countries' "the Abode of Peace" (Brunei) would send it after every "the".
  if (!/^\p{L}/u.test(toks[0])) continue;
  if (!/^\p{Lu}/u.test(toks[0]) && c.priority !== PRIORITY.curated) continue;
  const key = toks.map((t) => t.toLowerCase()).join(' ');
  const prev = resolved.get(key);
  if (prev && prev.place === c.place) {
    prev.tokens = prev.tokens.map((t, i) => (caseRank(toks[i]) < caseRank(t) ? toks[i] : t));
    prev.priority = Math.max(prev.priority, c.priority);
    prev.weak = prev.weak && c.weak;
    prev.demonym = prev.demonym && c.demonym;
    continue;
  }
  if (prev && prev.priority >= c.priority) continue;
  resolved.set(key, { tokens: toks, place: c.place, priority: c.priority, demonym: c.demonym, weak: c.weak });
}

// --- write -------------------------------------------------------------------------------------

const placeList = [...places.values()];
const indexOf = new Map(placeList.map((p, i) => [p.id, i] as const));
for (const p of placeList) {
  if (p.parent !== null && !indexOf.has(p.parent)) throw new Error(`place ${p.id} has unknown parent ${p.parent}`);
}
const KIND_CODE: Record<Kind, number> = { country: 0, region: 1, city: 2, feature: 3 };
// Columns of newline-joined strings: JSON.parse reads a few long strings far faster than 40,000
// small arrays, and the loader makes a PlaceRef only when a place is asked for.
const values = [...resolved.values()];
const out = {
  version: 2,
  sources: 'world-countries, country-state-city, data/places-curated.json',
  kinds: ['country', 'region', 'city', 'feature'],
  places: {
    id: placeList.map((p) => p.id).join('\n'),
    name: placeList.map((p) => p.name).join('\n'),
    kind: placeList.map((p) => KIND_CODE[p.kind]).join(''),
    lat: placeList.map((p) => p.lat),
    lon: placeList.map((p) => p.lon),
    parent: placeList.map((p) => (p.parent === null ? -1 : indexOf.get(p.parent))),
  },
  names: {
    // lower-case tokens joined by spaces, as the annotator's trie walks them
    key: values.map((a) => a.tokens.map((t) => t.toLowerCase()).join(' ')).join('\n'),
    // one digit per token: 0 any case, 1 capital first, 2 all capitals
    cases: values.map((a) => a.tokens.map(caseRank).join('')).join('\n'),
    place: values.map((a) => (a.place === NOT_A_PLACE ? -1 : indexOf.get(a.place))),
    // one digit per name: bit 1 demonym, bit 2 weak, bit 4 not a place (a paper, a broadcaster)
    flags: values.map((a) => (a.demonym ? 1 : 0) | (a.weak ? 2 : 0) | (a.place === NOT_A_PLACE ? 4 : 0)).join(''),
  },
};
const json = JSON.stringify(out);
mkdirSync(new URL('data/', ROOT), { recursive: true });
writeFileSync(new URL('data/gazetteer.json', ROOT), json);
// What the entity lexicon (src/extract/entities/lexicon.ts) reads of world-countries: each
// country's common name, capitals, English demonyms and subregion. Written here so that
// extraction does not load the package's 1.4 MB of JSON (~25 ms of every `atlas extract`).
const countryWords = {
  version: 1,
  countries: countries.map((c) => ({
    name: c.name.common,
    capital: c.capital ?? [],
    demonymM: c.demonyms?.eng?.m,
    demonymF: c.demonyms?.eng?.f,
    subregion: c.subregion,
  })),
};
writeFileSync(new URL('data/country-words.json', ROOT), JSON.stringify(countryWords));
const kinds = placeList.reduce<Record<string, number>>((acc, p) => {
  acc[p.kind] = (acc[p.kind] ?? 0) + 1;
  return acc;
}, {});
console.error(
  `build-gazetteer: ${placeList.length} places (${Object.entries(kinds)
    .map(([k, n]) => `${n} ${k}`)
    .join(
      ', ',
    )}), ${values.length} names (${stopped} stopped), ${(json.length / 1024).toFixed(0)} KiB -> data/gazetteer.json`,
);
