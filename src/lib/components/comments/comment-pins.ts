/**
 * Which draft images comments can be pinned on, and the pins on one of them: plain functions
 * over the card's views, so the card panel and its tests share them.
 */
import { pinKey, type AttachmentView, type CommentThread } from '$lib/board';

/** One version of an image attachment: what a pinned comment points at. */
export interface DraftImage {
  attachmentId: string;
  version: number;
  name: string;
  /** pinKey(): pins are numbered per version. */
  key: string;
}

/** A numbered point on the image: x and y are fractions of its width and height. */
export interface DraftPin {
  commentId: string;
  number: number;
  x: number;
  y: number;
  resolved: boolean;
}

/** Every image version of the card's attachments, each attachment's newest version first. */
export function draftImages(attachments: readonly AttachmentView[]): DraftImage[] {
  return attachments.flatMap((a) =>
    a.versions
      .filter((v) => v.type.startsWith('image/'))
      .map((v) => ({
        attachmentId: a.id,
        version: v.v,
        name: a.name,
        key: pinKey({ attachmentId: a.id, version: v.v })
      }))
      .reverse()
  );
}

/** The pins of `threads` on one image version, in number order. */
export function pinsOn(threads: readonly CommentThread[], image: DraftImage): DraftPin[] {
  return threads.flatMap(({ comment, pinNumber, resolved }) =>
    comment.pin && pinNumber !== null && pinKey(comment.pin) === image.key
      ? [
          {
            commentId: comment.id,
            number: pinNumber,
            x: comment.pin.x,
            y: comment.pin.y,
            resolved: resolved !== null
          }
        ]
      : []
  );
}
