/**
 * Claims table: the claims matching the filters (place and period from the filter bar; group,
 * measure, status and source here), sortable by any column, with CSV and JSON downloads of
 * exactly the rows shown, in the order shown.
 */
import { useMemo } from 'preact/hooks';
import { formatValue } from '../../src/query/format.js';
import { path, useGet } from './api.js';
import { saveClaims } from './download.js';
import type { ClaimRow, ClaimsPage } from './types.js';
import { navigate, type View, year } from './url.js';

const LIMIT = 500;
const GROUP_KINDS = ['workers', 'students', 'soldiers', 'refugees', 'community', 'general', 'other'];
const MEASURES = ['population', 'arrivals', 'departures', 'share', 'money', 'count', 'other'];
const STATUSES = ['machine', 'accepted', 'corrected', 'rejected'];

type Column = { key: string; label: string; value: (c: ClaimRow) => string | number; cls?: string };

const mid = (c: ClaimRow) => c.value.low ?? c.value.high ?? -1;

const COLUMNS: Column[] = [
  { key: 'value', label: 'Figure', value: mid },
  { key: 'group', label: 'Group', value: (c) => c.group?.kind ?? '' },
  { key: 'measure', label: 'Measure', value: (c) => c.measure },
  { key: 'time', label: 'When', value: (c) => c.time?.start ?? c.time?.end ?? '' },
  { key: 'place', label: 'Place', value: (c) => c.place?.name ?? '' },
  { key: 'source', label: 'Source', value: (c) => c.source ?? '' },
  { key: 'status', label: 'Status', value: (c) => c.status },
  { key: 'document', label: 'Document', value: (c) => c.title ?? c.document, cls: 'wide-only' },
];

function Select(props: { id: string; label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ClaimsTable({ v, version }: { v: View; version: number }) {
  const res = useGet<ClaimsPage>(
    path('/api/claims', {
      group: v.group,
      place: v.place,
      measure: v.measure,
      status: v.status,
      source: v.source,
      from: year(v.from),
      to: year(v.to),
      limit: LIMIT,
    }),
    version,
  );
  const sortKey = COLUMNS.some((c) => c.key === v.sort) ? v.sort : '';
  const desc = v.dir === 'desc';
  const rows = useMemo(() => {
    const list = [...(res.data?.claims ?? [])];
    const col = COLUMNS.find((c) => c.key === sortKey);
    if (col) {
      list.sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return desc ? -r : r;
      });
    }
    return list;
  }, [res.data, sortKey, desc]);

  const sortBy = (key: string) =>
    navigate({ sort: key, dir: sortKey === key && !desc ? 'desc' : null }, { replace: true });

  return (
    <section id="claims" class="panel" aria-labelledby="claims-h">
      <h2 id="claims-h">Claims</h2>
      <div class="filters-row">
        <Select
          id="f-group"
          label="Group"
          value={v.group}
          options={GROUP_KINDS}
          onChange={(x) => navigate({ group: x })}
        />
        <Select
          id="f-measure"
          label="Measure"
          value={v.measure}
          options={MEASURES}
          onChange={(x) => navigate({ measure: x })}
        />
        <Select
          id="f-status"
          label="Status"
          value={v.status}
          options={STATUSES}
          onChange={(x) => navigate({ status: x })}
        />
        <div class="field">
          <label for="f-source">Source contains</label>
          <input
            id="f-source"
            type="search"
            value={v.source}
            maxLength={200}
            onChange={(e) => navigate({ source: e.currentTarget.value.trim() })}
          />
        </div>
        <div class="field actions">
          <span class="label">Download shown</span>
          <span>
            <button
              type="button"
              class="small"
              disabled={!rows.length}
              onClick={() => saveClaims(rows, 'csv', 'claims')}
            >
              CSV
            </button>{' '}
            <button
              type="button"
              class="small"
              disabled={!rows.length}
              onClick={() => saveClaims(rows, 'json', 'claims')}
            >
              JSON
            </button>
          </span>
        </div>
      </div>
      {res.error && <p class="error">Could not load claims: {res.error}</p>}
      {res.data && (
        <p class="count" aria-live="polite">
          {res.data.total > rows.length
            ? `Showing ${rows.length} of ${res.data.total} claims`
            : `${rows.length} claims`}
        </p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  class={c.cls}
                  scope="col"
                  aria-sort={sortKey === c.key ? (desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" class="sort" onClick={() => sortBy(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sortKey === c.key ? (desc ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Read</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} class={c.status === 'rejected' ? 'rejected' : undefined}>
                <td title={c.text}>{formatValue(c.value, c.unit, c.per)}</td>
                <td title={c.group?.label}>{c.group?.kind ?? ''}</td>
                <td>{c.measure}</td>
                <td>{c.time?.edtf ?? ''}</td>
                <td>{c.place?.name ?? ''}</td>
                <td>{c.source ?? ''}</td>
                <td>
                  <span class={`status status-${c.status}`}>{c.status}</span>
                </td>
                <td class="wide-only">{c.title ?? c.document}</td>
                <td>
                  <button
                    type="button"
                    class="small"
                    aria-label={`Read the sentence of ${c.text}`}
                    onClick={() => navigate({ doc: c.document, claim: c.id, at: null })}
                  >
                    Read
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
