import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demonymOf, getPlace, isWithin, lookupPlace } from './gazetteer.js';

describe('gazetteer', () => {
  it('chains a town to its region, feature and country', () => {
    const v = getPlace('city:RU:vladivostok');
    expect(v?.name).toBe('Vladivostok');
    expect(v?.kind).toBe('city');
    expect(v?.parents).toEqual(['RU-PRI', 'feature:russian-far-east', 'RU']);
    expect(isWithin('city:RU:vladivostok', 'RU')).toBe(true);
    expect(isWithin('city:RU:vladivostok', 'feature:russian-far-east')).toBe(true);
    expect(isWithin('city:RU:vladivostok', 'CN')).toBe(false);
    expect(isWithin('RU', 'RU')).toBe(true);
    expect(isWithin('no-such-place', 'RU')).toBe(false);
  });

  it('puts curated features and historical names in the right places', () => {
    expect(getPlace('feature:karafuto')?.parents).toEqual([
      'feature:sakhalin-island',
      'RU-SAK',
      'feature:russian-far-east',
      'RU',
    ]);
    expect(isWithin('feature:kazakh-ssr', 'KZ')).toBe(true);
    expect(isWithin('city:KP:chongjin', 'feature:hamgyong')).toBe(true);
    expect(isWithin('city:UA:donetsk', 'feature:donbas')).toBe(true);
    expect(isWithin('city:KZ:almaty', 'feature:central-asia')).toBe(true);
    expect(isWithin('CN-JL', 'feature:northeast-china')).toBe(true);
  });

  it('looks names up case-insensitively, through aliases and without marks', () => {
    const id = (name: string) => lookupPlace(name)?.id ?? null;
    expect(id('the Far East of Russia')).toBe('feature:russian-far-east');
    expect(id('Far Eastern Federal District')).toBe('feature:russian-far-east');
    expect(id('russian far east')).toBe('feature:russian-far-east');
    expect(id('Kursk')).toBe('city:RU:kursk');
    expect(id('Kursk Oblast')).toBe('RU-KRS');
    expect(id('Kursk region')).toBe('RU-KRS');
    expect(id('Khabarovsk')).toBe('city:RU:khabarovsk');
    expect(id('Khabarovsk Krai')).toBe('RU-KHA');
    expect(id('Primorye')).toBe('RU-PRI');
    expect(id('Moscow region')).toBe('RU-MOS');
    expect(id('Moscow')).toBe('city:RU:moscow');
    expect(id('Sakhalin')).toBe('feature:sakhalin-island');
    expect(id('Sakhalin Island')).toBe('feature:sakhalin-island');
    expect(id('Sakhalin Oblast')).toBe('RU-SAK');
    expect(id('Karafuto Prefecture')).toBe('feature:karafuto');
    expect(id('Kamchatka')).toBe('feature:kamchatka-peninsula');
    expect(id('Kamchatka Krai')).toBe('RU-KAM');
    expect(id('Hamhŭng')).toBe('city:KP:hamhung');
    expect(id('Hamhung')).toBe('city:KP:hamhung');
    expect(id('Chŏngjin')).toBe('city:KP:chongjin');
    expect(id("Myŏngch'ŏn")).toBe('city:KP:myongchon');
    expect(id('USSR')).toBe('feature:soviet-union');
    expect(id('Korea')).toBe('feature:korea');
    expect(id('DPRK')).toBe('KP');
    expect(id('Kiev')).toBe('city:UA:kyiv');
    expect(id('Donbass')).toBe('feature:donbas');
    expect(id('Crimea')).toBe('UA-43');
    expect(id('Washington')).toBe('city:US:washington-d-c');
    expect(id('RU-PRI')).toBe('RU-PRI');
    expect(id('Kim')).toBeNull();
    expect(id('Most')).toBeNull();
  });

  it('gives coordinates the packages get wrong or lack', () => {
    expect(lookupPlace('Irkutsk')?.parents[0]).toBe('RU-IRK');
    expect(lookupPlace('Washington')?.lat).toBeCloseTo(38.9, 1);
    expect(getPlace('KR-49')?.lon).toBeCloseTo(126.5, 0);
    expect(lookupPlace('Toksong')?.lat).toBeCloseTo(40.4, 1);
  });

  it('knows demonyms', () => {
    expect(demonymOf('KP')).toBe('North Korean');
    expect(demonymOf('RU')).toBe('Russian');
    expect(demonymOf('feature:korea')).toBe('Korean');
    expect(demonymOf('feature:soviet-union')).toBe('Soviet');
    expect(demonymOf('city:RU:vladivostok')).toBeNull();
    expect(lookupPlace('North Korean')?.id).toBe('KP');
  });

  it('stays small', () => {
    const bytes = statSync(new URL('../../../data/gazetteer.json', import.meta.url)).size;
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });
});
