/**
 * Timeline of events, one row per type, coloured by type. Each event spans the interval its
 * date allows: a day is a tick, "1946" a year-long bar, "the late 1940s" a translucent
 * stretch. The less precise the date, the fainter the span, so fuzzy dates look fuzzy.
 */
import { barX, dot, plot, tickX } from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { path, useGet } from './api.js';
import { palette } from './colors.js';
import { PlotFigure, pickable } from './PlotFigure.js';
import type { TimelineItem } from './types.js';
import { navigate, type View, year } from './url.js';

const ISO = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First instant of an ISO partial date, and the first instant after it. */
function bounds(iso: string | null): [number, number] | null {
  const m = iso ? ISO.exec(iso) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
    return [d, d + 86_400_000];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1), Date.UTC(y, Number(m[2]), 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

const OPACITY: Record<string, number> = {
  day: 0.95,
  month: 0.85,
  season: 0.6,
  year: 0.45,
  decade: 0.25,
  century: 0.15,
};
const YEAR = 365.25 * 86_400_000;

interface Item {
  e: TimelineItem;
  start: Date;
  end: Date;
  mid: Date;
  opacity: number;
  /** a side the date leaves open ("since 2015") */
  open: 'before' | 'after' | null;
  precise: boolean;
}

function items(entries: readonly TimelineItem[]): Item[] {
  const out: Item[] = [];
  for (const e of entries) {
    if (!e.time) continue;
    const s = bounds(e.time.start);
    const t = bounds(e.time.end);
    if (!s && !t) continue;
    // an open side is drawn two years long, faintly: "since 2015" runs on, but not forever
    const start = s ? s[0] : t![0] - 2 * YEAR;
    const end = t ? t[1] : s![1] + 2 * YEAR;
    const approximate = /[~?%]/.test(e.time.edtf);
    const base = OPACITY[e.time.precision] ?? 0.3;
    out.push({
      e,
      start: new Date(start),
      end: new Date(end),
      mid: new Date((start + end) / 2),
      opacity: !s || !t ? 0.15 : approximate ? base * 0.6 : base,
      open: !s ? 'before' : !t ? 'after' : null,
      precise: e.time.precision === 'day' || e.time.precision === 'month',
    });
  }
  return out;
}

function chart(list: Item[], width: number, colors: Map<string, string>): Element {
  const types = [...new Set(list.map((d) => d.e.type))].sort();
  return plot({
    width,
    height: 44 + types.length * 30,
    marginLeft: 100,
    marginRight: 16,
    x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor(width / 100)) },
    y: { domain: types, label: null },
    color: { type: 'ordinal', domain: types, range: types.map((t) => colors.get(t)!) },
    marks: [
      barX(list, {
        x1: 'start',
        x2: 'end',
        y: (d: Item) => d.e.type,
        fill: (d: Item) => d.e.type,
        fillOpacity: 'opacity',
        inset: 4,
      }),
      tickX(
        list.filter((d) => d.precise),
        { x: 'mid', y: (d: Item) => d.e.type, stroke: (d: Item) => d.e.type, strokeWidth: 2, inset: 4 },
      ),
      dot(list, {
        x: 'mid',
        y: (d: Item) => d.e.type,
        r: 3.5,
        fill: (d: Item) => d.e.type,
        stroke: 'white',
        className: 'pick',
        title: (d: Item) =>
          [
            `${d.e.type}: ${d.e.text} · ${d.e.time?.edtf ?? ''}${d.e.place ? ` · ${d.e.place.name}` : ''}`,
            `“${d.e.sentence.trim()}”`,
            d.e.title ?? d.e.document,
          ].join('\n'),
        tip: { lineWidth: 40, fontSize: 12 },
        render: pickable(
          list,
          (d) => d.e.id,
          (d) => `${d.e.type}, ${d.e.time?.edtf ?? 'undated'}: ${d.e.text}. Open in reader`,
        ),
      }),
    ],
  });
}

export function Timeline({ v, version }: { v: View; version: number }) {
  const res = useGet<TimelineItem[]>(
    path('/api/timeline', { events: 1, place: v.place, from: year(v.from), to: year(v.to) }),
    version,
  );
  const chosen = useMemo(() => new Set(v.types.split(',').filter(Boolean)), [v.types]);
  const all = useMemo(() => items(res.data ?? []), [res.data]);
  const types = useMemo(() => [...new Set(all.map((d) => d.e.type))].sort(), [all]);
  const colors = useMemo(() => palette(types), [types]);
  const shown = useMemo(() => (chosen.size ? all.filter((d) => chosen.has(d.e.type)) : all), [all, chosen]);
  const draw = useCallback((w: number) => chart(shown, w, colors), [shown, colors]);
  const byId = useMemo(() => new Map(all.map((d) => [d.e.id, d.e])), [all]);
  const open = useCallback(
    (id: string) => {
      const e = byId.get(id);
      if (e) navigate({ doc: e.document, at: e.span[0], claim: null });
    },
    [byId],
  );
  const toggle = (t: string) => {
    const next = new Set(chosen);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    navigate({ types: [...next].sort().join(',') });
  };

  return (
    <section id="timeline" class="panel" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline of events</h2>
      <p class="hint">
        Solid: dated to the day or month. Translucent: a season, year or decade; the fainter, the fuzzier.
      </p>
      {types.length > 0 && (
        <fieldset class="types">
          <legend>Event types</legend>
          {types.map((t) => (
            <label key={t} class="chip" style={{ borderColor: colors.get(t) }}>
              <input type="checkbox" checked={chosen.has(t)} onChange={() => toggle(t)} />
              <span class="swatch" style={{ background: colors.get(t) }} aria-hidden="true" /> {t}
            </label>
          ))}
          {chosen.size > 0 && (
            <button type="button" class="small" onClick={() => navigate({ types: null })}>
              All types
            </button>
          )}
        </fieldset>
      )}
      {res.error && <p class="error">Could not load the timeline: {res.error}</p>}
      {res.loading && !res.data && <p class="loading">Loading events…</p>}
      {res.data && shown.length === 0 && <p class="empty">No dated events for these filters.</p>}
      {shown.length > 0 && <PlotFigure name="timeline" label="Timeline of events" draw={draw} onPick={open} idle />}
    </section>
  );
}
