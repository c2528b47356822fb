/**
 * Which drafts comments can be pinned on (images, PDF pages, videos), and the pins on one of
 * them: plain functions over the card's views, so the card panel and its tests share them.
 * Numbers come from the document (readComments), so every reader sees the same pin 3.
 */
import {
  draftKind,
  isTimePin,
  pinKey,
  type AttachmentView,
  type CommentPin,
  type CommentThread
} from '$lib/board';

/** The kinds of draft a comment can be pinned on. */
export type PinnableKind = 'image' | 'pdf' | 'video';

/** One version of a draft: what a pinned comment points at. */
export interface PinnableDraft {
  attachmentId: string;
  version: number;
  name: string;
  kind: PinnableKind;
  /** pinKey(): pins are numbered per version. */
  key: string;
}

/** A numbered point: x and y are fractions of the image's (or the page's) width and height. */
export interface DraftPin {
  commentId: string;
  number: number;
  x: number;
  y: number;
  resolved: boolean;
}

/** A numbered moment of a video, `t` milliseconds from its start. */
export interface TimeMark {
  commentId: string;
  number: number;
  t: number;
  resolved: boolean;
}

const pinnable = (kind: string): kind is PinnableKind =>
  kind === 'image' || kind === 'pdf' || kind === 'video';

/** Every pinnable version of the card's attachments, each attachment's newest version first. */
export function pinnableDrafts(attachments: readonly AttachmentView[]): PinnableDraft[] {
  return attachments.flatMap((a) =>
    a.versions
      .flatMap((v) => {
        const kind = draftKind(v.type);
        if (!pinnable(kind)) return [];
        const key = pinKey({ attachmentId: a.id, version: v.v });
        return [{ attachmentId: a.id, version: v.v, name: v.name, kind, key }];
      })
      .reverse()
  );
}

/** The threads pinned on `draft`, with their pin and number. */
function pinnedOn(threads: readonly CommentThread[], draft: PinnableDraft) {
  return threads.flatMap(({ comment, pinNumber, resolved }) =>
    comment.pin && pinNumber !== null && pinKey(comment.pin) === draft.key
      ? [{ commentId: comment.id, number: pinNumber, pin: comment.pin, resolved: resolved !== null }]
      : []
  );
}

/**
 * The point pins of `threads` on one image version, or on one page of a PDF version, in number
 * order. A pin that names no page is on the first (an image's pins name none).
 */
export function pinsOn(threads: readonly CommentThread[], draft: PinnableDraft, page = 1): DraftPin[] {
  return pinnedOn(threads, draft).flatMap(({ pin, ...rest }) =>
    !isTimePin(pin) && (pin.page ?? 1) === page ? [{ ...rest, x: pin.x, y: pin.y }] : []
  );
}

/** The time pins of `threads` on one video version, in number order. */
export function marksOn(threads: readonly CommentThread[], draft: PinnableDraft): TimeMark[] {
  return pinnedOn(threads, draft).flatMap(({ pin, ...rest }) =>
    isTimePin(pin) ? [{ ...rest, t: pin.t }] : []
  );
}

/** Whether `pin` points at `draft` (the pending pin is shown on the draft it was placed on). */
export function pinIsOn(pin: CommentPin | null, draft: PinnableDraft): boolean {
  return pin !== null && pinKey(pin) === draft.key;
}

/** "1:05", "1:02:03": a moment of a video as players show it. */
export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const mm = String(Math.floor(s / 60) % 60);
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
