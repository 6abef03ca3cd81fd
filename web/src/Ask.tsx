/**
 * Ask box: a question in words, answered by the server's `ask` with a value, its range, whether
 * sources conflict or agree, and citations; a citation opens the reader at its sentence.
 */
import { formatValue } from '../../src/query/format.js';
import { path, useGet } from './api.js';
import type { AskResult, Citation } from './types.js';
import { navigate, type View } from './url.js';

const EXAMPLES = [
  'How many North Korean troops were sent to Russia?',
  'How many North Korean workers were in Russia in 2006?',
  'When were North Korean workers sent to Sakhalin?',
];

function CitationItem({ c }: { c: Citation }) {
  return (
    <li>
      <button type="button" class="citation" onClick={() => navigate({ doc: c.document, at: c.span[0], claim: c.id })}>
        <q>{c.sentence.trim()}</q>
      </button>
      <span class="muted"> — {c.title ?? c.document}</span>
    </li>
  );
}

function readAs(r: AskResult): string {
  const p = r.parsed;
  return [
    p.intent !== 'unknown' ? p.intent.replace('-', ' ') : null,
    p.group ? p.group.label : null,
    p.measure,
    p.place ? `${p.placeRole ?? 'in'} ${p.place.name}` : null,
    p.time ? p.time.text : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function Ask({ v }: { v: View }) {
  const res = useGet<AskResult>(v.q ? path('/api/ask', { q: v.q }) : null);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    navigate({ q });
  };
  const r = res.data;
  const a = r?.answer;
  return (
    <section id="ask" aria-labelledby="ask-h">
      <form class="ask-form" onSubmit={onSubmit}>
        <label id="ask-h" for="ask-input">
          Ask the atlas
        </label>
        <div class="ask-row">
          <input
            id="ask-input"
            name="q"
            type="search"
            key={v.q}
            defaultValue={v.q}
            maxLength={2000}
            placeholder={EXAMPLES[0]}
            autocomplete="off"
          />
          <button type="submit">Ask</button>
        </div>
      </form>
      {!v.q && (
        <p class="hint">
          Try:{' '}
          {EXAMPLES.map((q, i) => (
            <span key={q}>
              {i > 0 && ' · '}
              <button type="button" class="link" onClick={() => navigate({ q })}>
                {q}
              </button>
            </span>
          ))}
        </p>
      )}
      {res.loading && <p class="loading">Thinking…</p>}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {r && a && !res.loading && (
        <div class="answer" aria-live="polite">
          {a.kind === 'quantity' && (
            <>
              <p class="answer-value">{formatValue(a.value, a.unit, a.per)}</p>
              <p class="answer-text">{a.text}</p>
              <p class="badges">
                <span class="badge">{a.basis === 'single' ? 'one claim answers' : 'range of claims'}</span>
                {a.value.low !== null && a.value.high !== null && a.value.low !== a.value.high && (
                  <span class="badge">
                    range {a.value.low.toLocaleString('en-US')}–{a.value.high.toLocaleString('en-US')}
                  </span>
                )}
                {a.conflicting && <span class="badge conflict">sources conflict</span>}
                {a.corroborated && <span class="badge ok">corroborated</span>}
              </p>
            </>
          )}
          {a.kind === 'events' && (
            <>
              <p class="answer-text">{a.text}</p>
              <ul class="events">
                {a.events.map((e) => (
                  <li key={e.id}>
                    <strong>{e.time?.edtf ?? 'undated'}</strong> {e.type}: {e.text}
                    {e.place ? ` (${e.place})` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {a.kind === 'none' && <p class="answer-text">{a.text}</p>}
          {r.citations.length > 0 && (
            <>
              <h3 class="citations-h">Citations</h3>
              <ol class="citations">
                {r.citations.map((c) => (
                  <CitationItem key={c.id} c={c} />
                ))}
              </ol>
            </>
          )}
          <p class="muted small">Read as: {readAs(r) || 'nothing recognised'}</p>
        </div>
      )}
    </section>
  );
}
