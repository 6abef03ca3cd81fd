/**
 * A question taken apart: what is asked (the question word and what it implies), about whom,
 * where, when, and which measure. Built by `parseQuestion` (question.ts) with the same
 * annotators that read documents, so "the late 1940s" or "Primorsky Krai" mean the same in a
 * question as in a source. `ask` turns it into an estimate or a timeline query.
 */
import type { EventType, GroupKind, Measure, Modality, Per, PlaceRef, TimePrecision } from '../extract/types.js';

export type Intent =
  /** "how many", "what number of", "how large was the community" */
  | 'how-many'
  /** "how much", "what did they earn", "what were they paid" */
  | 'how-much'
  /** "what share", "what percentage", "what proportion" */
  | 'what-share'
  | 'when'
  | 'where'
  | 'who'
  /** "what happened", "what took place", "which events" */
  | 'what-happened'
  | 'unknown';

export interface QuestionTime {
  /** first year asked about, null when open ("before 1991") */
  from: number | null;
  /** last year asked about, null when open ("after 1967", "since 2015") */
  to: number | null;
  /** month precision when the question names one ("in November 2007"): ISO `YYYY-MM` */
  month: string | null;
  precision: TimePrecision;
  /** the words as written */
  text: string;
}

export interface ParsedQuestion {
  question: string;
  intent: Intent;
  /** the group asked about; "North Koreans" alone is `general` */
  group: { kind: GroupKind; head: string; label: string } | null;
  /**
   * the place asked about: where they were, went or came from, never a demonym ("North Korean
   * workers" names who, not where). "in Russia" -> RU.
   */
  place: PlaceRef | null;
  /**
   * how the question relates the group to `place`, from its preposition: "in Russia" -> in,
   * "repatriated to North Korea" -> to, "left Sakhalin" / "from Sakhalin" -> from. Absent when
   * `place` is null.
   */
  placeRole?: 'in' | 'to' | 'from';
  /**
   * every place named that is neither a demonym nor an actor, in order, each with its role:
   * "from Sakhalin to North Korea" -> Sakhalin (from), North Korea (to). `place` is one of them.
   */
  places?: Array<{ place: PlaceRef; role: 'in' | 'to' | 'from' }>;
  time: QuestionTime | null;
  /**
   * what is counted: population ("were", "lived", "how many ... are there"), arrivals ("went",
   * "were sent", "arrived", "recruited"), departures ("left", "returned", "repatriated"),
   * count ("captured", "killed", "died", "defected"), money ("earn", "paid", "cost"), share.
   * null when the question does not say.
   */
  measure: Measure | null;
  /** a rate asked for: "each year", "per month", "a month" */
  per: Per;
  /** "propose", "plan" -> proposed; "estimate" -> estimated; null when not asked */
  modality: Modality | null;
  /** event types the question's verbs name ("visit" -> visit, "capture" -> capture) */
  eventTypes: EventType[];
  /** persons and organisations named ("Kim Jong Il", "Ukraine" as an actor) */
  actors: string[];
  /** content words left once the parts above are taken, lower-cased, for ranking by text */
  keywords: string[];
  /** the rules that decided each part ("intent: how many", "place: in PLACE"), for explaining a parse */
  trace?: string[];
}
