/**
 * The page: the ask box, a filter bar (place and period, shared by every view), then estimates,
 * map, timeline, claims and the reader. All state is in the URL (see url.ts).
 */
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { Ask } from './Ask.js';
import { path, setToken, token, useGet } from './api.js';
import { ClaimsTable } from './ClaimsTable.js';
import { Estimates } from './Estimates.js';
import { Reader } from './Reader.js';
import { Timeline } from './Timeline.js';
import type { Health, Places } from './types.js';
import { navigate, subscribe, type View, view } from './url.js';

const MapView = lazy(() => import('./MapView.js'));

function FilterBar({ v, places }: { v: View; places: Places | null }) {
  const options = [...(places?.features ?? [])]
    .map((f) => f.properties)
    .filter((p) => p.claims + p.events > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const known = options.some((p) => p.id === v.place);
  return (
    <nav class="filter-bar" aria-label="Filters for every view">
      <div class="field">
        <label for="f-place">Place</label>
        <select id="f-place" value={v.place} onChange={(e) => navigate({ place: e.currentTarget.value })}>
          <option value="">everywhere</option>
          {!known && v.place && <option value={v.place}>{v.place}</option>}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.claims + p.events})
            </option>
          ))}
        </select>
      </div>
      <div class="field year">
        <label for="f-from">From year</label>
        <input
          id="f-from"
          type="number"
          inputMode="numeric"
          min={1800}
          max={2100}
          key={`from-${v.from}`}
          defaultValue={v.from}
          onChange={(e) => navigate({ from: e.currentTarget.value })}
        />
      </div>
      <div class="field year">
        <label for="f-to">To year</label>
        <input
          id="f-to"
          type="number"
          inputMode="numeric"
          min={1800}
          max={2100}
          key={`to-${v.to}`}
          defaultValue={v.to}
          onChange={(e) => navigate({ to: e.currentTarget.value })}
        />
      </div>
      {(v.place || v.from || v.to) && (
        <button type="button" class="small" onClick={() => navigate({ place: null, from: null, to: null })}>
          Clear filters
        </button>
      )}
    </nav>
  );
}

function TokenField() {
  const [value, setValue] = useState(token());
  return (
    <div class="field token">
      <label for="write-token">Write token</label>
      <input
        id="write-token"
        type="password"
        autocomplete="off"
        value={value}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setToken(e.currentTarget.value);
        }}
      />
    </div>
  );
}

export function App() {
  const [v, setView] = useState<View>(view);
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe(() => setView(view())), []);
  const health = useGet<Health>('/api/health');
  const places = useGet<Places>('/api/places', version);
  const docs = useGet<{ id: string }[]>('/api/documents');
  const write = health.data?.write === true;
  const placeName = places.data?.features.find((f) => f.properties.id === v.place)?.properties.name ?? v.place;

  useEffect(() => {
    const bits = [v.q, v.place && placeName, v.doc].filter(Boolean);
    document.title = bits.length ? `${bits.join(' · ')} — Diaspora Atlas` : 'Diaspora Atlas';
  }, [v.q, v.place, placeName, v.doc]);

  return (
    <>
      <a class="skip" href="#estimates">
        Skip to the charts
      </a>
      <header class="top">
        <div class="title">
          <h1>Diaspora Atlas</h1>
          <p class="muted">
            North Koreans in Russia
            {docs.data ? ` · ${docs.data.length} ${docs.data.length === 1 ? 'document' : 'documents'}` : ''}
            {write ? ' · write mode' : ''}
          </p>
        </div>
        {write && <TokenField />}
      </header>
      <main>
        <Ask v={v} />
        <FilterBar v={v} places={places.data} />
        {v.place && (
          <p class="filter-note" aria-live="polite">
            Showing {placeName} and the places within it.
          </p>
        )}
        <div class="grid">
          <Estimates v={v} version={version} />
          <section id="map" class="panel" aria-labelledby="map-h">
            <h2 id="map-h">Places</h2>
            <p class="hint">Circles sized by claims and events. Click one to filter every view to it.</p>
            {places.error && <p class="error">Could not load places: {places.error}</p>}
            <Suspense fallback={<p class="loading">Loading the map…</p>}>
              <MapView places={places.data} selected={v.place} />
            </Suspense>
          </section>
          <Timeline v={v} version={version} />
          <ClaimsTable v={v} version={version} />
          <Reader v={v} write={write} version={version} onChanged={() => setVersion((n) => n + 1)} />
        </div>
      </main>
      <footer class="muted">
        Every figure links to the sentence it came from.{' '}
        <a href={path('/api/export', { format: 'csv' })}>Export all (CSV)</a> ·{' '}
        <a href={path('/api/export', { format: 'json' })}>JSON</a> ·{' '}
        <a href={path('/api/export', { format: 'geojson' })}>GeoJSON</a>
      </footer>
    </>
  );
}
