/**
 * A card's attachments ("drafts"): the files live on the server (server/attachments/); the
 * document holds what everyone needs to show them — name, type and versions — written by the
 * server only, once a file is stored (server/auth/updatePolicy.ts refuses client writes).
 * Design review goes in rounds, so a new upload over a draft adds a version and keeps the old.
 */
import * as Y from 'yjs';
import { BoardError } from './errors';
import type { BoardOrigin } from './origin';
import { CardKey, cardMap, type CardMap } from './schema';
import { transact } from './transact';

export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf'
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface AttachmentVersion {
  /** 1, 2, …: the round of the draft. */
  v: number;
  size: number;
  type: AttachmentType;
  at: number;
  /** The uploader's user id. */
  by: string;
}

export interface AttachmentValue {
  name: string;
  versions: AttachmentVersion[];
}

export interface AttachmentView extends AttachmentValue {
  id: string;
  latest: AttachmentVersion;
}

function isValue(value: unknown): value is AttachmentValue {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<AttachmentValue>;
  return typeof a.name === 'string' && Array.isArray(a.versions) && a.versions.length > 0;
}

/**
 * Records a stored file as a new attachment, or as the next version of `attachmentId` when it
 * exists; returns the version number. A server operation.
 */
export function addAttachmentVersion(
  doc: Y.Doc,
  cardId: string,
  attachmentId: string,
  file: { name: string; size: number; type: AttachmentType; by: string },
  origin?: BoardOrigin
): number {
  const card = cardMap(doc, cardId);
  return transact(doc, origin, () => {
    let map = card.get(CardKey.attachments);
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      card.set(CardKey.attachments, map);
    }
    const attachments = map as Y.Map<unknown>;
    const current = attachments.get(attachmentId);
    const versions = isValue(current) ? current.versions : [];
    const v = versions.length + 1;
    const next: AttachmentValue = {
      name: file.name,
      versions: [...versions, { v, size: file.size, type: file.type, at: Date.now(), by: file.by }]
    };
    attachments.set(attachmentId, next);
    return v;
  });
}

/** Removes an attachment from the card (a server operation; the files go with it). */
export function removeAttachment(
  doc: Y.Doc,
  cardId: string,
  attachmentId: string,
  origin?: BoardOrigin
): void {
  const map = cardMap(doc, cardId).get(CardKey.attachments);
  if (!(map instanceof Y.Map) || !map.has(attachmentId))
    throw new BoardError('not-found', 'No such attachment.');
  transact(doc, origin, () => map.delete(attachmentId));
}

/** The card's attachments, oldest first. */
export function readAttachments(card: CardMap): AttachmentView[] {
  const map = card.get(CardKey.attachments);
  if (!(map instanceof Y.Map)) return [];
  const out: AttachmentView[] = [];
  map.forEach((value, id) => {
    if (isValue(value)) out.push({ ...value, id, latest: value.versions[value.versions.length - 1]! });
  });
  return out.sort((a, b) => (a.versions[0]?.at ?? 0) - (b.versions[0]?.at ?? 0));
}
