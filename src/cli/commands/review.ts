import Table from 'cli-table3';
import { InputError } from '../../errors.js';
import { parsePatch } from '../../store/patch.js';
import type { ClaimFilter, ClaimRecord, ClaimStatus, ReviewInput, ReviewRecord } from '../../store/types.js';
import { type DbOption, withStore } from '../open-store.js';
import { formatValue, TABLE_STYLE } from './extract.js';

const STATUSES: readonly ClaimStatus[] = ['machine', 'accepted', 'corrected', 'rejected'];

export interface ClaimsCommandOptions extends DbOption {
  doc?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

/** `atlas claims [--doc D] [--status S] [--limit N] [--json]`: stored claims with their ids and status. */
export async function claimsCommand(options: ClaimsCommandOptions): Promise<string> {
  const filter: ClaimFilter = {};
  if (options.doc) filter.document = options.doc;
  if (options.status) {
    const list = options.status.split(',').map((s) => s.trim());
    for (const s of list) {
      if (!STATUSES.includes(s as ClaimStatus)) {
        throw new InputError(`invalid --status: ${s} (expected one of ${STATUSES.join(', ')})`);
      }
    }
    filter.status = list as ClaimStatus[];
  }
  if (options.limit !== undefined) filter.limit = positive('--limit', options.limit);
  return withStore(options, async (store) => {
    if (options.doc && !(await store.documentState(options.doc))) {
      throw new InputError(`no document ${options.doc} in ${store.location} (atlas documents lists them)`);
    }
    const claims = await store.claims(filter);
    return options.json ? JSON.stringify(claims) : formatClaims(claims);
  });
}

export function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`invalid ${flag}: ${value} (expected a whole number above 0)`);
  return n;
}

const timeText = (t: ClaimRecord['time']) =>
  !t ? '' : t.start === t.end ? (t.start ?? '') : `${t.start ?? '…'}–${t.end ?? '…'}`;

export function formatClaims(claims: ClaimRecord[]): string {
  const table = new Table({
    head: ['id', 'figure', 'value', 'measure', 'group', 'time', 'place', 'status'],
    wordWrap: true,
    style: TABLE_STYLE,
    colWidths: [30, 20, 16, 12, 11, 12, 16, 11],
  });
  for (const c of claims) {
    table.push([
      c.id,
      c.text,
      `${formatValue(c.value)}${c.unit === 'person' ? '' : ` ${c.unit}`}${c.per ? `/${c.per}` : ''}`,
      c.measure,
      c.group?.kind ?? '',
      timeText(c.time),
      c.place?.name ?? '',
      c.status,
    ]);
  }
  return `${claims.length} claims\n${table.toString()}`;
}

export interface ReviewCommandOptions extends DbOption {
  set?: string[];
  accept?: boolean;
  reject?: boolean;
  note?: string;
  json?: boolean;
}

/** `atlas review CLAIM (--set field=value ... | --accept | --reject) [--note TEXT]`. */
export async function reviewCommand(claim: string, options: ReviewCommandOptions): Promise<string> {
  const chosen = [
    options.set?.length ? 'set' : null,
    options.accept ? 'accept' : null,
    options.reject ? 'reject' : null,
  ];
  const actions = chosen.filter((a) => a !== null);
  if (actions.length !== 1) {
    throw new InputError('say exactly one of --set field=value (repeatable), --accept or --reject');
  }
  if (options.note !== undefined && options.note.length > 2000)
    throw new InputError('--note is limited to 2,000 characters');
  const review: ReviewInput =
    actions[0] === 'set'
      ? { action: 'correct', patch: parsePatch(options.set ?? []), note: options.note ?? null }
      : { action: actions[0] === 'accept' ? 'accept' : 'reject', patch: null, note: options.note ?? null };
  return withStore(options, async (store) => {
    const r = await store.addReview(claim, review);
    if (options.json) return JSON.stringify(r);
    return [`review ${r.review.id}: ${claim} is now ${r.claim.status}`, formatClaims([r.claim])].join('\n');
  });
}

export interface ReviewsCommandOptions extends DbOption {
  doc?: string;
  orphaned?: boolean;
  json?: boolean;
}

/** `atlas reviews [--doc D] [--orphaned] [--json]`: every review and where it stands. */
export async function reviewsCommand(options: ReviewsCommandOptions): Promise<string> {
  return withStore(options, async (store) => {
    const reviews = await store.reviews({
      ...(options.doc ? { document: options.doc } : {}),
      ...(options.orphaned ? { state: 'orphaned' as const } : {}),
    });
    return options.json ? JSON.stringify(reviews) : formatReviews(reviews);
  });
}

function formatReviews(reviews: ReviewRecord[]): string {
  const table = new Table({
    head: ['review', 'document', 'quote', 'action', 'state', 'claim'],
    wordWrap: true,
    style: TABLE_STYLE,
    colWidths: [14, 24, 24, 24, 10, 30],
  });
  for (const r of reviews) {
    const action = r.action === 'correct' ? `correct ${JSON.stringify(r.patch)}` : r.action;
    table.push([r.id, r.document, r.selector.exact, action, r.state, r.claim ?? '']);
  }
  const orphaned = reviews.filter((r) => r.state === 'orphaned').length;
  return `${reviews.length} reviews, ${orphaned} orphaned\n${table.toString()}`;
}
