/**
 * Estimates: one chart per group kind. Each claim is a bar from its low to its high value across
 * the years it covers; an exact figure is a thick line; an open-ended one ("more than 10,000",
 * "up to 150,000") is its known bound with an arrow and a fading band running to the axis edge.
 * Colour is the claim's source (else its document), so disagreeing sources are apart by colour
 * as well as by height, and a claim that conflicts with another source is ringed in red.
 */
import { arrow, dot, plot, rect, ruleY } from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { formatValue } from '../../src/query/format.js';
import { path, useGet } from './api.js';
import { palette } from './colors.js';
import { PlotFigure, pickable } from './PlotFigure.js';
import type { ClaimsPage, SeriesPoint } from './types.js';
import { navigate, type View, year } from './url.js';

const GROUPS: [string, string][] = [
  ['students', 'Students'],
  ['workers', 'Workers'],
  ['soldiers', 'Soldiers'],
  ['refugees', 'Refugees'],
  ['community', 'Community'],
  ['general', 'North Koreans, unspecified'],
];

interface Point extends SeriesPoint {
  x1: number;
  x2: number;
  /** where its dot sits: the figure, or the middle of a range */
  y: number;
  key: string;
  sentence: string;
  title: string | null;
  conflict: boolean;
}

const figure = (p: SeriesPoint) => formatValue({ low: p.low, high: p.high, approx: p.approx }, p.unit, p.per);

/** Claims of one chart from different sources, over overlapping years, whose ranges do not meet. */
function markConflicts(points: Point[]): void {
  for (const a of points) {
    for (const b of points) {
      if (a === b || a.key === b.key || a.measure !== b.measure) continue;
      if (a.x2 <= b.x1 || b.x2 <= a.x1) continue;
      const [alo, ahi] = [a.low ?? Number.NEGATIVE_INFINITY, a.high ?? Number.POSITIVE_INFINITY];
      const [blo, bhi] = [b.low ?? Number.NEGATIVE_INFINITY, b.high ?? Number.POSITIVE_INFINITY];
      if (ahi < blo || bhi < alo) a.conflict = b.conflict = true;
    }
  }
}

const FADE = [0.32, 0.2, 0.11, 0.05];
const compact = new Intl.NumberFormat('en-US', { notation: 'compact' });

function chart(points: Point[], width: number, xDomain: [number, number], colors: Map<string, string>): Element {
  const finite = points.flatMap((p) => [p.low, p.high]).filter((v): v is number => v !== null);
  const top = Math.max(1, ...finite) * 1.25;
  const ranges = points.filter((p) => p.low !== null && p.high !== null && p.high > p.low);
  const exact = points.filter((p) => p.low !== null && p.low === p.high);
  const atLeast = points.filter((p) => p.low !== null && p.high === null);
  const atMost = points.filter((p) => p.low === null && p.high !== null);
  // the open side fades towards the axis edge in bands: a gradient without <defs>
  const fades = [
    ...atLeast.flatMap((p) =>
      FADE.map((o, i) => ({
        p,
        o,
        y1: p.low! + ((top - p.low!) * i) / 4,
        y2: p.low! + ((top - p.low!) * (i + 1)) / 4,
      })),
    ),
    ...atMost.flatMap((p) =>
      FADE.map((o, i) => ({ p, o, y1: p.high! - (p.high! * i) / 4, y2: p.high! - (p.high! * (i + 1)) / 4 })),
    ),
  ];
  const keys = [...new Set(points.map((p) => p.key))];
  const mid = (p: Point) => (p.x1 + p.x2) / 2;
  return plot({
    width,
    height: 240,
    marginLeft: 52,
    marginRight: 16,
    x: { domain: xDomain, tickFormat: 'd', label: null, ticks: Math.max(2, Math.floor(width / 90)) },
    y: { domain: [0, top], grid: true, label: null, tickFormat: (d: number) => compact.format(d), ticks: 5 },
    color: { type: 'ordinal', domain: keys, range: keys.map((k) => colors.get(k)!), legend: true },
    marks: [
      rect(fades, {
        x1: (d) => d.p.x1,
        x2: (d) => d.p.x2,
        y1: 'y1',
        y2: 'y2',
        fill: (d) => d.p.key,
        fillOpacity: 'o',
        inset: 0.5,
      }),
      rect(ranges, {
        x1: 'x1',
        x2: 'x2',
        y1: 'low',
        y2: 'high',
        fill: 'key',
        fillOpacity: 0.35,
        stroke: 'key',
        inset: 0.5,
      }),
      ruleY(exact, { x1: 'x1', x2: 'x2', y: 'low', stroke: 'key', strokeWidth: 3 }),
      ruleY(atLeast, { x1: 'x1', x2: 'x2', y: 'low', stroke: 'key', strokeWidth: 3 }),
      ruleY(atMost, { x1: 'x1', x2: 'x2', y: 'high', stroke: 'key', strokeWidth: 3 }),
      arrow(atLeast, {
        x: mid,
        y1: 'low',
        y2: () => top,
        stroke: 'key',
        strokeDasharray: '3,3',
        headLength: 7,
        insetEnd: 2,
      }),
      arrow(atMost, {
        x: mid,
        y1: 'high',
        y2: () => 0,
        stroke: 'key',
        strokeDasharray: '3,3',
        headLength: 7,
        insetEnd: 2,
      }),
      dot(
        points.filter((p) => p.conflict),
        { x: mid, y: 'y', r: 9, stroke: '#c1121f', strokeWidth: 1.5, fill: 'none' },
      ),
      dot(points, {
        x: mid,
        y: 'y',
        r: 5,
        fill: 'key',
        stroke: 'white',
        strokeWidth: 1.5,
        className: 'pick',
        title: (p: Point) =>
          [
            `${figure(p)} · ${p.measure}${p.conflict ? ' · conflicts with another source' : ''}`,
            `${p.edtf}${p.place ? ` · ${p.place}` : ''}`,
            p.sentence ? `“${p.sentence.trim()}”` : `“${p.text}”`,
            `Source: ${p.source ?? 'not attributed'}${p.title ? ` — ${p.title}` : ''}`,
          ].join('\n'),
        tip: { lineWidth: 40, fontSize: 12 },
        render: pickable(
          points,
          (p) => p.id,
          (p) => `${figure(p)}, ${p.edtf}, ${p.source ?? p.title ?? p.document}: open in reader`,
        ),
      }),
    ],
  });
}

export function Estimates({ v, version }: { v: View; version: number }) {
  const series = useGet<SeriesPoint[]>(path('/api/series', { place: v.place }), version);
  // the sentence and title behind each point, for hovering
  const claims = useGet<ClaimsPage>(path('/api/claims', { place: v.place, limit: 500 }), version);
  const from = year(v.from);
  const to = year(v.to);

  const { byGroup, xDomain, colors } = useMemo(() => {
    const info = new Map((claims.data?.claims ?? []).map((c) => [c.id, c]));
    const pts: Point[] = [];
    for (const s of series.data ?? []) {
      const start = s.from ?? s.to;
      const end = s.to ?? s.from;
      if (start === null || end === null) continue;
      if ((from !== null && end < from) || (to !== null && start > to)) continue;
      const c = info.get(s.id);
      pts.push({
        ...s,
        x1: start,
        x2: end + 1,
        y: s.low !== null && s.high !== null ? (s.low + s.high) / 2 : (s.low ?? s.high ?? 0),
        key: s.source ?? c?.title ?? s.document,
        sentence: c?.sentenceText ?? '',
        title: c?.title ?? null,
        conflict: false,
      });
    }
    const lo = Math.min(...pts.map((p) => p.x1));
    const hi = Math.max(...pts.map((p) => p.x2));
    const pad = Math.max(1, Math.round((hi - lo) * 0.03));
    const byGroup = new Map<string, Point[]>();
    for (const p of pts) {
      const g = GROUPS.some(([k]) => k === p.group) ? p.group! : 'general';
      if (!byGroup.has(g)) byGroup.set(g, []);
      byGroup.get(g)!.push(p);
    }
    for (const list of byGroup.values()) markConflicts(list);
    return {
      byGroup,
      xDomain: (pts.length ? [lo - pad, hi + pad] : [0, 1]) as [number, number],
      colors: palette(pts.map((p) => p.key)),
    };
  }, [series.data, claims.data, from, to]);

  const byId = useMemo(() => new Map((series.data ?? []).map((p) => [p.id, p])), [series.data]);
  const open = useCallback(
    (id: string) => {
      const p = byId.get(id);
      if (p) navigate({ doc: p.document, claim: id, at: null });
    },
    [byId],
  );

  return (
    <section id="estimates" class="panel" aria-labelledby="estimates-h">
      <h2 id="estimates-h">Estimates over time</h2>
      <p class="hint">
        Each claim is a bar from its low to its high figure across the years it covers; arrows and fades run on where a
        figure is open-ended; red rings mark sources in conflict. Hover for the sentence, click to read it.
      </p>
      {series.error && <p class="error">Could not load estimates: {series.error}</p>}
      {series.loading && !series.data && <p class="loading">Loading estimates…</p>}
      {series.data && (
        <div class="estimate-grid">
          {GROUPS.map(([kind, label]) => (
            <GroupChart
              key={kind}
              kind={kind}
              label={label}
              points={byGroup.get(kind) ?? []}
              xDomain={xDomain}
              colors={colors}
              onPick={open}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function GroupChart(props: {
  kind: string;
  label: string;
  points: Point[];
  xDomain: [number, number];
  colors: Map<string, string>;
  onPick: (id: string) => void;
}) {
  const { points, xDomain, colors } = props;
  const draw = useCallback((w: number) => chart(points, w, xDomain, colors), [points, xDomain, colors]);
  const conflicts = points.filter((p) => p.conflict).length;
  const sources = new Set(points.map((p) => p.key)).size;
  return (
    <div class="group-chart" data-group={props.kind}>
      <h3>
        {props.label}{' '}
        <span class="count">
          {points.length} {points.length === 1 ? 'claim' : 'claims'}
          {points.length > 0 && `, ${sources} ${sources === 1 ? 'source' : 'sources'}`}
          {conflicts > 0 && <span class="conflict"> · {conflicts} in conflict</span>}
        </span>
      </h3>
      {points.length === 0 ? (
        <p class="empty">No dated figures.</p>
      ) : (
        <PlotFigure
          name={`estimates-${props.kind}`}
          label={`Estimates of ${props.label.toLowerCase()}`}
          draw={draw}
          onPick={props.onPick}
        />
      )}
    </div>
  );
}
