/**
 * Reader: a document's text with its quantities, times, places and events highlighted, and its
 * claims alongside. The text is untrusted (anything ingested, HTML included): it is only ever
 * passed to Preact as strings, which become text nodes, never markup. Nothing from a document
 * becomes a link, except a source URL that is plainly http(s).
 * With the server in write mode, a claim can be accepted, rejected or corrected in place.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatValue } from '../../src/query/format.js';
import { type ReviewBody, review, token, useGet } from './api.js';
import type { ClaimRecord, DocumentFull, DocumentSummary } from './types.js';
import { navigate, type View } from './url.js';

type Kind = 'quantity' | 'time' | 'place' | 'event';

interface Mark {
  start: number;
  end: number;
  kind: Kind;
  label: string;
  claim?: string;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
// "September 2024", "5 November 2007", "the late 1940s", "1966": bounded alternatives, no nesting
const TIME_WORDS = new RegExp(
  `\\b(?:(?:early|mid|late)[- ])?(?:(?:\\d{1,2} )?${MONTH}\\.? (?:\\d{1,2}, )?)?(1[5-9]\\d\\d|20\\d\\d)(s?)\\b`,
  'g',
);

const yearOf = (iso: string | null | undefined) => (iso ? Number(/^-?\d{1,4}/.exec(iso)?.[0]) : Number.NaN);

/**
 * The highlights. Claims and events carry spans; their times and places carry only values, so
 * (a heuristic, named as one) the place is marked where its name appears in the same sentence,
 * and the time where a year within the record's interval does.
 */
function marks(doc: DocumentFull): Mark[] {
  const out: Mark[] = [];
  const text = doc.text;
  const seen = new Set<string>();
  const add = (m: Mark) => {
    const k = `${m.start}:${m.end}:${m.kind}`;
    if (m.start < m.end && m.start >= 0 && m.end <= text.length && !seen.has(k)) {
      seen.add(k);
      out.push(m);
    }
  };
  const records = [
    ...doc.claims.map((c) => ({ r: c, kind: 'quantity' as const })),
    ...doc.events.map((e) => ({ r: e, kind: 'event' as const })),
  ];
  for (const { r, kind } of records) {
    if (kind === 'quantity') {
      const c = r as ClaimRecord;
      add({
        start: c.span[0],
        end: c.span[1],
        kind,
        claim: c.id,
        label: `${c.measure}: ${formatValue(c.value, c.unit, c.per)}${c.group ? ` ${c.group.kind}` : ''} (${c.status})`,
      });
    } else {
      add({ start: r.span[0], end: r.span[1], kind, label: `event: ${'type' in r ? r.type : ''}` });
    }
    const [s0, s1] = r.sentence;
    const sentence = text.slice(s0, s1);
    if (r.place && !r.place.implied && r.place.name) {
      const at = sentence.indexOf(r.place.name);
      if (at >= 0)
        add({ start: s0 + at, end: s0 + at + r.place.name.length, kind: 'place', label: `place: ${r.place.name}` });
    }
    if (r.time && !r.time.implied) {
      const lo = yearOf(r.time.start);
      const hi = yearOf(r.time.end);
      TIME_WORDS.lastIndex = 0;
      for (let m = TIME_WORDS.exec(sentence); m; m = TIME_WORDS.exec(sentence)) {
        const y = Number(m[1]);
        const last = m[2] ? y + 9 : y;
        if ((Number.isNaN(lo) || last >= lo) && (Number.isNaN(hi) || y <= hi)) {
          add({ start: s0 + m.index, end: s0 + m.index + m[0].length, kind: 'time', label: `time: ${r.time.edtf}` });
        }
      }
    }
  }
  return out;
}

/**
 * The text cut at every sentence and mark boundary; each piece a string (a text node) or a
 * <mark> around a string; pieces grouped into their sentences.
 */
function renderText(doc: DocumentFull, list: Mark[], focus: number | null, focusClaim: string): ComponentChildren[] {
  const text = doc.text;
  const sentences = [...doc.sentences].sort((a, b) => a.start - b.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of sentences)
    cuts.add(Math.min(text.length, Math.max(0, s.start))).add(Math.min(text.length, Math.max(0, s.end)));
  for (const m of list) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const starts = [...list].sort((a, b) => a.start - b.start);
  let next = 0;
  const active: Mark[] = [];
  const top: ComponentChildren[] = [];
  let group: ComponentChildren[] | null = null;
  let groupIndex = -1;
  let si = 0;
  const close = () => {
    if (group && groupIndex >= 0) {
      const s = sentences[groupIndex]!;
      top.push(
        <span
          key={`s${s.index}`}
          id={`s-${s.index}`}
          class={s.index === focus ? 'sentence focus' : 'sentence'}
          data-sentence={s.index}
        >
          {group}
        </span>,
      );
    }
    group = null;
    groupIndex = -1;
  };
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.end <= a) active.splice(i, 1);
    while (next < starts.length && starts[next]!.start <= a) {
      if (starts[next]!.end > a) active.push(starts[next]!);
      next++;
    }
    while (si < sentences.length && sentences[si]!.end <= a) si++;
    const inSentence = si < sentences.length && sentences[si]!.start <= a ? si : -1;
    if (inSentence !== groupIndex) {
      close();
      if (inSentence >= 0) {
        group = [];
        groupIndex = inSentence;
      }
    }
    const piece = text.slice(a, b);
    let node: ComponentChildren = piece;
    if (active.length) {
      const kinds = [...new Set(active.map((m) => m.kind))];
      const claim = active.find((m) => m.claim)?.claim;
      node = (
        <mark
          key={a}
          class={`hl ${kinds.map((x) => `hl-${x}`).join(' ')}${claim && claim === focusClaim ? ' hl-focus' : ''}`}
          data-claim={claim}
          title={active.map((m) => m.label).join('\n')}
        >
          {piece}
        </mark>
      );
    }
    (group ?? top).push(node);
  }
  close();
  return top;
}

function DocumentList() {
  const docs = useGet<DocumentSummary[]>('/api/documents');
  if (docs.error) return <p class="error">Could not list documents: {docs.error}</p>;
  if (!docs.data) return <p class="loading">Loading documents…</p>;
  return (
    <ul class="doc-list">
      {docs.data.map((d) => (
        <li key={d.id}>
          <button type="button" class="link" onClick={() => navigate({ doc: d.id, claim: null, at: null })}>
            {d.title ?? d.id}
          </button>{' '}
          <span class="muted">
            {d.claims} claims, {d.events} events{d.date ? `, ${d.date}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

const safeUrl = (url: string | null) => (url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null);

export function Reader(props: { v: View; write: boolean; version: number; onChanged: () => void }) {
  const { v } = props;
  const res = useGet<DocumentFull>(v.doc ? `/api/documents/${encodeURIComponent(v.doc)}` : null, props.version);
  const doc = res.data && res.data.id === v.doc ? res.data : null;
  const list = useMemo(() => (doc ? marks(doc) : []), [doc]);
  const at = /^\d+$/.test(v.at) ? Number(v.at) : null;
  const focus = useMemo(() => {
    if (!doc) return null;
    const claim = doc.claims.find((c) => c.id === v.claim);
    if (claim) return claim.sentenceIndex;
    if (at !== null) return doc.sentences.find((s) => s.start <= at && at < s.end)?.index ?? null;
    return null;
  }, [doc, v.claim, at]);
  const body = useMemo(() => (doc ? renderText(doc, list, focus, v.claim) : null), [doc, list, focus, v.claim]);
  const textBox = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);

  // bring the reader, and in it the sentence asked for, into view when either changes
  useEffect(() => {
    if (!doc) return;
    const el = focus !== null ? textBox.current?.querySelector(`#s-${focus}`) : null;
    const top = section.current?.getBoundingClientRect().top ?? 0;
    if (top < 0 || top > innerHeight * 0.6) section.current?.scrollIntoView({ block: 'start' });
    if (el && textBox.current) {
      const box = textBox.current;
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    }
  }, [doc?.id, focus, v.claim]);

  const onTextClick = (e: MouseEvent) => {
    const m = e.target instanceof Element ? e.target.closest('mark[data-claim]') : null;
    const id = m?.getAttribute('data-claim');
    if (id) navigate({ claim: id, at: null }, { replace: true });
  };

  const claims = doc ? [...doc.claims].sort((a, b) => a.span[0] - b.span[0]) : [];
  const url = doc ? safeUrl(doc.source) : null;
  return (
    <section id="reader" class="panel" aria-labelledby="reader-h" ref={section}>
      <div class="reader-head">
        <h2 id="reader-h">Reader{doc ? `: ${doc.title ?? doc.id}` : ''}</h2>
        {v.doc && (
          <button type="button" class="small" onClick={() => navigate({ doc: null, claim: null, at: null })}>
            Close
          </button>
        )}
      </div>
      {!v.doc && (
        <>
          <p class="hint">Pick a document, or click a citation, a chart point or a table row to read its sentence.</p>
          <DocumentList />
        </>
      )}
      {v.doc && res.error && (
        <p class="error">
          Could not open {v.doc}: {res.error}
        </p>
      )}
      {v.doc && res.loading && !doc && <p class="loading">Opening…</p>}
      {doc && (
        <>
          <p class="meta">
            {doc.format} · {doc.length.toLocaleString('en-US')} characters
            {doc.date ? ` · ${doc.date}` : ''}
            {url ? (
              <>
                {' · '}
                <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                  source
                </a>
              </>
            ) : doc.source ? (
              ` · source: ${doc.source}`
            ) : null}
          </p>
          <p class="legend">
            <mark class="hl hl-quantity">quantity</mark> <mark class="hl hl-time">time</mark>{' '}
            <mark class="hl hl-place">place</mark> <mark class="hl hl-event">event</mark>
          </p>
          <div class="reader-body">
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: the claims list beside is the keyboard path to each quantity */}
            <div
              class="doc-text"
              ref={textBox}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard (WCAG 2.1.1)
              tabIndex={0}
              role="document"
              aria-label="Document text"
              onClick={onTextClick}
            >
              {body}
            </div>
            <ClaimList claims={claims} focus={v.claim} write={props.write} onChanged={props.onChanged} />
          </div>
        </>
      )}
    </section>
  );
}

function ClaimList(props: { claims: ClaimRecord[]; focus: string; write: boolean; onChanged: () => void }) {
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    item.current?.scrollIntoView({ block: 'nearest' });
  }, [props.focus]);
  return (
    <aside class="claim-list" aria-label="Claims in this document">
      <h3>Claims ({props.claims.length})</h3>
      <ol>
        {props.claims.map((c) => (
          <li
            key={c.id}
            ref={c.id === props.focus ? item : undefined}
            class={`claim${c.id === props.focus ? ' focus' : ''}${c.status === 'rejected' ? ' rejected' : ''}`}
          >
            <button
              type="button"
              class="link"
              aria-current={c.id === props.focus ? 'true' : undefined}
              onClick={() => navigate({ claim: c.id, at: null }, { replace: true })}
            >
              {formatValue(c.value, c.unit, c.per)}
            </button>{' '}
            <span class={`status status-${c.status}`}>{c.status}</span>
            <div class="claim-meta">
              {[c.group?.label ?? c.group?.kind, c.measure, c.time?.edtf, c.place?.name, c.source && `per ${c.source}`]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {props.write && <ReviewControls claim={c} onChanged={props.onChanged} />}
          </li>
        ))}
      </ol>
    </aside>
  );
}

const FIELDS: { key: string; label: string; placeholder: string }[] = [
  { key: 'value', label: 'Value', placeholder: '12,000 or 1,000 to 2,000' },
  { key: 'time', label: 'Time', placeholder: '2006, 1946/1949 or none' },
  { key: 'place', label: 'Place', placeholder: 'Khabarovsk or none' },
  { key: 'group', label: 'Group', placeholder: 'workers, soldiers…' },
  { key: 'measure', label: 'Measure', placeholder: 'population, arrivals…' },
  { key: 'source', label: 'Source', placeholder: 'who states it, or none' },
];

function ReviewControls({ claim, onChanged }: { claim: ClaimRecord; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (body: ReviewBody) => {
    if (!token()) {
      setError('Type the write token in the bar at the top first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await review(claim.id, body);
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const set: Record<string, string> = {};
    for (const f of FIELDS) {
      const value = String(form.get(f.key) ?? '').trim();
      if (value) set[f.key] = value;
    }
    const note = String(form.get('note') ?? '').trim();
    if (Object.keys(set).length === 0) {
      setError('Change at least one field.');
      return;
    }
    void send({ action: 'correct', set, ...(note ? { note } : {}) });
  };
  const id = claim.id.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <div class="review">
      <button type="button" class="small" disabled={busy} onClick={() => void send({ action: 'accept' })}>
        Accept
      </button>{' '}
      <button type="button" class="small" disabled={busy} onClick={() => void send({ action: 'reject' })}>
        Reject
      </button>{' '}
      <button type="button" class="small" disabled={busy} aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Correct…
      </button>
      {editing && (
        <form class="correct" onSubmit={onSubmit}>
          {FIELDS.map((f) => (
            <div class="field" key={f.key}>
              <label for={`${id}-${f.key}`}>{f.label}</label>
              <input id={`${id}-${f.key}`} name={f.key} placeholder={f.placeholder} maxLength={200} />
            </div>
          ))}
          <div class="field">
            <label for={`${id}-note`}>Note</label>
            <input id={`${id}-note`} name="note" maxLength={500} />
          </div>
          <button type="submit" class="small" disabled={busy}>
            Save correction
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
