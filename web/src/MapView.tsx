/**
 * Map: country outlines from world-atlas (bundled, offline: no tile server is reachable),
 * places sized by how many claims and events they hold. Clicking a place (or choosing it in the
 * filter bar, for keyboards) filters every view to it; clicking it again clears the filter.
 * Loaded lazily: the outlines are the largest asset and the overview does not wait for them.
 */
import { dot, geo, plot, sphere, text } from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { PlotFigure, pickable } from './PlotFigure.js';
import type { PlaceFeature, Places } from './types.js';
import { navigate } from './url.js';

const countries = feature(world, world.objects.countries);

interface Spot {
  id: string;
  name: string;
  lon: number;
  lat: number;
  weight: number;
  claims: number;
  events: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function chart(spots: Spot[], selected: string, width: number): Element {
  const lons = spots.map((s) => s.lon);
  const lats = spots.map((s) => s.lat);
  const [w, e] = [Math.min(...lons) - 12, Math.max(...lons) + 12];
  const [s, n] = [clamp(Math.min(...lats) - 8, -80, 80), clamp(Math.max(...lats) + 8, -80, 80)];
  const centre = (w + e) / 2;
  // the corners as points: a fitted polygon would need the right winding on the sphere
  const corners = [w, centre, e].flatMap((lon) => [
    [lon, s],
    [lon, n],
  ]);
  const labelled = [...spots].sort((a, b) => b.weight - a.weight).slice(0, 8);
  return plot({
    width,
    height: Math.round(clamp(width * 0.62, 240, 520)),
    projection: {
      // centred on the places: no edge of the projection (a pole, a cut) falls inside the frame
      type: 'azimuthal-equal-area',
      rotate: [-centre, -(s + n) / 2],
      domain: { type: 'MultiPoint', coordinates: corners },
      inset: 10,
    },
    r: { range: [3, 24] },
    marks: [
      sphere({ fill: '#eef4f8', stroke: 'none', clip: 'frame' }),
      geo(countries, { fill: '#fbfaf6', stroke: '#9aa3ad', strokeWidth: 0.6, clip: 'frame' }),
      dot(spots, {
        x: 'lon',
        y: 'lat',
        r: 'weight',
        fill: (d: Spot) => (d.id === selected ? '#c1121f' : '#4269d0'),
        fillOpacity: 0.6,
        stroke: (d: Spot) => (d.id === selected ? '#6a040f' : '#1d3f91'),
        strokeWidth: (d: Spot) => (d.id === selected ? 2.5 : 1),
        className: 'pick',
        title: (d: Spot) => `${d.name}\n${d.claims} claims, ${d.events} events\nClick to filter to this place`,
        tip: true,
        render: pickable(
          spots,
          (d) => d.id,
          (d) =>
            `${d.name}: ${d.claims} claims, ${d.events} events. ${d.id === selected ? 'Clear filter' : 'Filter to this place'}`,
        ),
      }),
      text(labelled, {
        x: 'lon',
        y: 'lat',
        text: 'name',
        dy: -14,
        fontSize: 11,
        stroke: 'white',
        strokeWidth: 3,
        fill: '#222',
        pointerEvents: 'none',
      }),
    ],
  });
}

export default function MapView({ places, selected }: { places: Places | null; selected: string }) {
  const spots = useMemo(
    () =>
      (places?.features ?? [])
        .filter(
          (f: PlaceFeature) => Number.isFinite(f.geometry.coordinates[0]) && Number.isFinite(f.geometry.coordinates[1]),
        )
        .map((f) => ({
          id: f.properties.id,
          name: f.properties.name,
          lon: f.geometry.coordinates[0],
          lat: f.geometry.coordinates[1],
          claims: f.properties.claims,
          events: f.properties.events,
          weight: f.properties.claims + f.properties.events,
        }))
        .filter((s) => s.weight > 0),
    [places],
  );
  const draw = useCallback((w: number) => (spots.length ? chart(spots, selected, w) : null), [spots, selected]);
  const pick = useCallback((id: string) => navigate({ place: id === selected ? null : id }), [selected]);
  if (places && spots.length === 0) return <p class="empty">No mapped places.</p>;
  return <PlotFigure name="map" label="Map of places" draw={draw} onPick={pick} idle />;
}
