/**
 * What a comment and a resolution look like when stored, and the one check of that shape. The
 * browser's operations, the readers and the server's update policy (server/policy/updatePolicy.ts)
 * all ask `commentProblem` / `resolutionProblem`, so a value one accepts the others accept too.
 * Values are plain objects (not Y types) so the server can read a whole comment, author included,
 * from the update that writes it.
 */
import { BOARD_ID_PATTERN } from './ids';
import { nameProblem } from './transact';

/** Characters in one comment's text. */
export const COMMENT_MAX = 5000;
/** People one comment may mention: enough for a team, too few to notify a whole company. */
export const MENTIONS_MAX = 20;
/** Pins carry an attachment's version number; no draft goes through a million rounds. */
const VERSION_MAX = 1_000_000;

/** Pages a pin may name: far past any brief, and it keeps the value small. */
export const PIN_PAGE_MAX = 10_000;
/** Milliseconds into a video a pin may name: a whole day of footage. */
export const PIN_TIME_MAX = 24 * 3600 * 1000;

/**
 * Where on one version of a draft a comment points: a point on an image, or on one page of a
 * PDF (`page` from 1), with x and y fractions 0..1 of its width and height.
 */
export interface PointPin {
  attachmentId: string;
  version: number;
  x: number;
  y: number;
  page?: number;
}

/** A moment of a video draft: `t` milliseconds from its start. */
export interface TimePin {
  attachmentId: string;
  version: number;
  t: number;
}

export type CommentPin = PointPin | TimePin;

/** True for a pin on a moment of a video. */
export function isTimePin(pin: CommentPin): pin is TimePin {
  return 't' in pin;
}

/** One comment as stored under the card's `comments` map; it belongs to its author. */
export interface CommentValue {
  /** The writer's user id; the server refuses any other. */
  author: string;
  text: string;
  /** When it was first written (ms since the epoch); an edit keeps it. */
  at: number;
  /** The id of the thread's first comment, for a reply (replies are one level deep). */
  replyTo?: string;
  /** When the author last changed the text. */
  editedAt?: number;
  /** User ids of board members named in the text as `@Display Name`. */
  mentions?: string[];
  /** A point on a draft image or PDF page, or a moment of a video (first comments of a thread only). */
  pin?: CommentPin;
  /**
   * Who wrote it in the tool it was imported from (a Trello member nobody mapped to an account),
   * shown as "originally by"; the `author` is then the person who imported it. Written only by
   * the server's import (server/policy/commentPolicy.ts refuses it from a client).
   */
  originally?: string;
}

/** Characters of an imported comment's `originally` name. */
export const ORIGINALLY_MAX = 100;

/**
 * Who marked a thread resolved and when. Kept in the card's `resolvedComments` map, apart from
 * the comment, because anyone who may comment resolves anyone's thread, while the comment value
 * is its author's alone.
 */
export interface ResolutionValue {
  by: string;
  at: number;
}

const COMMENT_FIELDS: ReadonlySet<string> = new Set([
  'author',
  'text',
  'at',
  'replyTo',
  'editedAt',
  'mentions',
  'pin',
  'originally'
]);
const PIN_FIELDS: ReadonlySet<string> = new Set(['attachmentId', 'version', 'x', 'y', 'page', 't']);
const RESOLUTION_FIELDS: ReadonlySet<string> = new Set(['by', 'at']);

/** True for ids the comment model stores: comment, user and attachment ids (safe, short). */
export function isCommentId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isFraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;

/** The object's own fields when it is a plain object holding only `allowed` ones, else null. */
function plainFields(value: unknown, allowed: ReadonlySet<string>): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  const record = value as Record<string, unknown>;
  return Object.keys(record).every((k) => allowed.has(k)) ? record : null;
}

const isCount = (v: unknown, min: number, max: number): boolean =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

function pinProblem(value: unknown): string | null {
  const pin = plainFields(value, PIN_FIELDS);
  if (!pin) return 'a pin is { attachmentId, version, x, y, page? } or { attachmentId, version, t }';
  if (!isCommentId(pin.attachmentId)) return 'a pin names an attachment by id';
  if (!isCount(pin.version, 1, VERSION_MAX)) return 'a pin names a version from 1';
  if (pin.t !== undefined) {
    // A moment has no place on the frame: one pin, one kind, so every reader shows it alike.
    if (pin.x !== undefined || pin.y !== undefined || pin.page !== undefined)
      return 'a time pin is only a time';
    return isCount(pin.t, 0, PIN_TIME_MAX) ? null : `a time pin is 0–${PIN_TIME_MAX} ms`;
  }
  if (pin.page !== undefined && !isCount(pin.page, 1, PIN_PAGE_MAX))
    return `a pin names a page 1–${PIN_PAGE_MAX}`;
  return isFraction(pin.x) && isFraction(pin.y) ? null : 'a pin lies within its image (0..1)';
}

function mentionsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length > MENTIONS_MAX) return `mentions are up to ${MENTIONS_MAX} ids`;
  if (!value.every(isCommentId)) return 'mentions are user ids';
  return new Set(value).size === value.length ? null : 'each person is mentioned once';
}

/** Why `value` is not a storable comment, or null when it is one. */
export function commentProblem(value: unknown): string | null {
  const c = plainFields(value, COMMENT_FIELDS);
  if (!c) return `a comment is a plain object of ${[...COMMENT_FIELDS].join(', ')}`;
  if (!isCommentId(c.author)) return 'a comment names its author by id';
  if (typeof c.text !== 'string' || !c.text.trim() || c.text.length > COMMENT_MAX) {
    return `a comment is 1–${COMMENT_MAX} characters`;
  }
  if (!isTime(c.at)) return 'a comment has a time';
  if (c.replyTo !== undefined && !isCommentId(c.replyTo)) return 'a reply names a comment by id';
  if (c.editedAt !== undefined && !isTime(c.editedAt)) return 'an edit has a time';
  if (c.originally !== undefined) {
    const problem = nameProblem(c.originally, ORIGINALLY_MAX);
    if (problem) return `an imported comment's original author: ${problem}`;
  }
  if (c.mentions !== undefined) {
    const problem = mentionsProblem(c.mentions);
    if (problem) return problem;
  }
  if (c.pin === undefined) return null;
  // A reply belongs to its thread's pin; a second pin would number one point twice.
  return c.replyTo === undefined ? pinProblem(c.pin) : 'a reply carries no pin';
}

/** True when `value` is a storable comment. */
export function isCommentValue(value: unknown): value is CommentValue {
  return commentProblem(value) === null;
}

/** Why `value` is not a storable resolution, or null when it is one. */
export function resolutionProblem(value: unknown): string | null {
  const r = plainFields(value, RESOLUTION_FIELDS);
  if (!r) return 'a resolution is { by, at }';
  if (!isCommentId(r.by)) return 'a resolution names who resolved it';
  return isTime(r.at) ? null : 'a resolution has a time';
}

/** True when `value` is a storable resolution. */
export function isResolutionValue(value: unknown): value is ResolutionValue {
  return resolutionProblem(value) === null;
}
