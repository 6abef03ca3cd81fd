import { readBuildData } from '../build-data.js';
import { tokenize } from '../tokenize.js';
import type { PlaceKind, PlaceRef } from '../types.js';

/**
 * Per token of a name, how its case in the text must look: 0 any case (a lower-case word in the
 * gazetteer: "peninsula", "of"), 1 a capital first ("Kursk"), 2 all capitals ("USSR", "US", so
 * "us" is never the United States).
 */
export type CaseRule = 0 | 1 | 2;
export const ANY_CASE = 0;
export const CAPITAL = 1;
export const ALL_CAPS = 2;

/** Bits of a name's flags. */
export const DEMONYM = 1;
export const WEAK = 2;
/** a name that holds a place name but names no place ("Radio Free Asia"); its place is -1 */
export const NOT_A_PLACE = 4;

/**
 * The names of the gazetteer as columns, for the annotator's trie. Name `i` is `keys[i]` (its
 * lower-case tokens joined by spaces: "far east of russia"), `cases[i]` (one CaseRule digit per
 * token), `place[i]` (an index for `placeAt`) and `flags[i]` (DEMONYM: an adjective or noun of
 * nationality such as "North Korean"; WEAK: a town or region name from package data, accepted
 * only outside a run of other proper names; NOT_A_PLACE: see there).
 */
export interface GazetteerNames {
  keys: readonly string[];
  cases: readonly string[];
  place: readonly number[];
  flags: string;
}

interface GazetteerFile {
  version: number;
  kinds: PlaceKind[];
  places: { id: string; name: string; kind: string; lat: (number | null)[]; lon: (number | null)[]; parent: number[] };
  names: { key: string; cases: string; place: number[]; flags: string };
}

interface Gazetteer {
  kinds: PlaceKind[];
  ids: string[];
  placeNames: string[];
  kindDigits: string;
  lat: (number | null)[];
  lon: (number | null)[];
  parent: number[];
  refs: (PlaceRef | undefined)[];
  names: GazetteerNames;
}

let loaded: Gazetteer | null = null;
// Made on first use by getPlace/lookupPlace/demonymOf: the annotator needs neither, and building
// them costs a third of the load time.
let indexById: Map<string, number> | null = null;
let nameByKey: Map<string, number> | null = null;
let demonyms: Map<number, number> | null = null;

function gazetteer(): Gazetteer {
  if (loaded === null) loaded = load();
  return loaded;
}

function load(): Gazetteer {
  const file = readBuildData<GazetteerFile>('gazetteer.json', 'the gazetteer', 2);
  const ids = file.places.id.split('\n');
  return {
    kinds: file.kinds,
    ids,
    placeNames: file.places.name.split('\n'),
    kindDigits: file.places.kind,
    lat: file.places.lat,
    lon: file.places.lon,
    parent: file.places.parent,
    refs: new Array(ids.length),
    names: {
      keys: file.names.key.split('\n'),
      cases: file.names.cases.split('\n'),
      place: file.names.place,
      flags: file.names.flags,
    },
  };
}

function idIndex(): Map<string, number> {
  if (indexById === null) {
    const { ids } = gazetteer();
    indexById = new Map();
    for (let i = 0; i < ids.length; i++) indexById.set(ids[i], i);
  }
  return indexById;
}

function keyIndex(): Map<string, number> {
  if (nameByKey === null) {
    const { keys } = gazetteer().names;
    nameByKey = new Map();
    for (let i = 0; i < keys.length; i++) nameByKey.set(keys[i], i);
  }
  return nameByKey;
}

function demonymIndex(): Map<number, number> {
  if (demonyms === null) {
    const { flags, place } = gazetteer().names;
    demonyms = new Map();
    // The first demonym the build wrote for a place is world-countries' own ("North Korean").
    for (let i = 0; i < flags.length; i++) {
      if ((flags.charCodeAt(i) - 48) & DEMONYM && !demonyms.has(place[i])) demonyms.set(place[i], i);
    }
  }
  return demonyms;
}

/** The place at an index of the gazetteer's columns; one frozen object per place, made on first use. */
export function placeAt(index: number): PlaceRef {
  const g = gazetteer();
  const cached = g.refs[index];
  if (cached !== undefined) return cached;
  const parents: string[] = [];
  // The build rejects unknown parents; the bound guards against a cycle in hand-kept data.
  for (let p = g.parent[index]; p >= 0 && parents.length < 16; p = g.parent[p]) parents.push(g.ids[p]);
  const ref: PlaceRef = Object.freeze({
    id: g.ids[index],
    name: g.placeNames[index],
    kind: g.kinds[g.kindDigits.charCodeAt(index) - 48],
    lat: g.lat[index],
    lon: g.lon[index],
    parents: Object.freeze(parents) as string[],
  });
  g.refs[index] = ref;
  return ref;
}

/** Every name and demonym of the gazetteer, for the annotator's trie. Loads the file on first use. */
export function gazetteerNames(): GazetteerNames {
  return gazetteer().names;
}

/** Lower-case tokens joined by spaces, the form names are keyed by. "The Kursk  Oblast" -> "kursk oblast". */
function normalize(name: string): string {
  const tokens = tokenize(name.normalize('NFC').trim()).map((t) => t.lower);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  return tokens.join(' ');
}

const stripMarks = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** The place with this gazetteer id. Example: getPlace('RU-PRI')?.name === 'Primorsky Krai'. */
export function getPlace(id: string): PlaceRef | null {
  const index = idIndex().get(id);
  return index === undefined ? null : placeAt(index);
}

/**
 * The place a name or demonym denotes, case-insensitive and alias-aware, or null; an id works too.
 * Example: lookupPlace('the Far East of Russia')?.id === 'feature:russian-far-east';
 * lookupPlace('Chŏngjin') and lookupPlace('chongjin') both give Chongjin.
 */
export function lookupPlace(name: string): PlaceRef | null {
  const keys = keyIndex();
  const key = normalize(name);
  const hit = keys.get(key) ?? keys.get(normalize(stripMarks(name))) ?? keys.get(key.replace(/[’‘]/g, "'"));
  const index = hit === undefined ? -1 : gazetteer().names.place[hit];
  if (index >= 0) return placeAt(index);
  return getPlace(name.trim());
}

/**
 * True when `id` is `ancestorId` or lies inside it along the parent chain.
 * Example: isWithin('city:RU:vladivostok', 'feature:russian-far-east') === true.
 */
export function isWithin(id: string, ancestorId: string): boolean {
  if (id === ancestorId) return true;
  return getPlace(id)?.parents.includes(ancestorId) === true;
}

/** The usual adjective of nationality for a place, or null. Example: demonymOf('KP') === 'North Korean'. */
export function demonymOf(id: string): string | null {
  const g = gazetteer();
  const index = idIndex().get(id);
  const name = index === undefined ? undefined : demonymIndex().get(index);
  if (name === undefined) return null;
  const cases = g.names.cases[name];
  return g.names.keys[name]
    .split(' ')
    .map((t, i) => (cases[i] === '2' ? t.toUpperCase() : cases[i] === '1' ? t[0].toUpperCase() + t.slice(1) : t))
    .join(' ');
}
