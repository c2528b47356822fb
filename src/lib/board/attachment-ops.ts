/**
 * A card's attachments ("drafts"): the files live on the server (server/attachments/), which
 * keeps the authoritative record of every version; the document holds what every client needs to
 * show them — name, type and versions — written by the server only, once a file is stored
 * (server/policy/updatePolicy.ts refuses client writes). Design review goes in rounds, so a new
 * upload over a draft adds a version and keeps the old ones.
 */
import * as Y from 'yjs';
import type { BoardOrigin } from './origin';
import { CardKey, cardMap, childMap, type CardMap } from './schema';
import { transact } from './transact';

/**
 * The drafts a board takes, each typed by its content (server/attachments/sniff.ts), and what
 * kind of draft each is: the kind decides how it is shown (an image with pins, PDF pages, a
 * video, or a download row) and how large it may be (server/attachments/draftLimits.ts).
 */
const TYPE_KINDS = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
  'video/mp4': 'video',
  'video/webm': 'video',
  'video/quicktime': 'video',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'office',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office',
  // Word, Excel and PowerPoint 97–2003 share one container (OLE2); its type is the family's.
  'application/vnd.ms-office': 'office',
  'image/vnd.adobe.photoshop': 'design',
  // Illustrator files before CS (and EPS); later ones are PDFs and show as pages.
  'application/postscript': 'design',
  'application/zip': 'archive'
} as const;

export type AttachmentType = keyof typeof TYPE_KINDS;
export type DraftKind = (typeof TYPE_KINDS)[AttachmentType];
export const DRAFT_KINDS: readonly DraftKind[] = ['image', 'pdf', 'video', 'office', 'design', 'archive'];

export function isAttachmentType(value: unknown): value is AttachmentType {
  return typeof value === 'string' && Object.hasOwn(TYPE_KINDS, value);
}

/** What kind of draft a type is: how it is shown and which size limit it meets. */
export function draftKind(type: AttachmentType): DraftKind {
  return TYPE_KINDS[type];
}

export interface AttachmentVersion {
  /** 1, 2, …: the round of the draft. */
  v: number;
  size: number;
  /** Milliseconds since the epoch, from the server's clock. */
  at: number;
  /** The uploader's user id. */
  by: string;
  /** This version's own type: a round may change format (a JPEG after a PNG). */
  type: AttachmentType;
  /**
   * This version's own file name: a new round is often a new file (海报-v2.png), and the earlier
   * rounds keep theirs. Entries written before versions carried names read the attachment's.
   */
  name: string;
}

/** The plain value under the card's `attachments` Y.Map, keyed by attachment id. */
export interface AttachmentValue {
  /** The newest version's file name. */
  name: string;
  /** The newest version's type. */
  type: AttachmentType;
  /** Oldest first; never empty. */
  versions: AttachmentVersion[];
}

export interface AttachmentView extends AttachmentValue {
  id: string;
  latest: AttachmentVersion;
}

const count = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readVersion(value: unknown, fallbackName: string): AttachmentVersion | null {
  if (typeof value !== 'object' || value === null) return null;
  const x = value as Partial<AttachmentVersion>;
  if (!count(x.v) || x.v < 1 || !count(x.size) || !count(x.at)) return null;
  if (typeof x.by !== 'string' || !isAttachmentType(x.type)) return null;
  if (x.name !== undefined && typeof x.name !== 'string') return null;
  return { v: x.v, size: x.size, at: x.at, by: x.by, type: x.type, name: x.name || fallbackName };
}

/** The value as stored, or null when it is not a well-formed AttachmentValue. */
export function readAttachmentValue(value: unknown): AttachmentValue | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Partial<AttachmentValue>;
  if (typeof a.name !== 'string' || !Array.isArray(a.versions)) return null;
  const name = a.name;
  const versions = a.versions.map((v: unknown) => readVersion(v, name));
  if (versions.length === 0 || versions.some((v) => v === null)) return null;
  const checked = versions as AttachmentVersion[];
  return { name: a.name, type: checked[checked.length - 1]!.type, versions: checked };
}

/**
 * Writes the card's entry for one attachment, replacing what was there: the server rebuilds it
 * from its own record after each upload, so the document cannot drift from the stored files.
 */
export function putAttachment(
  doc: Y.Doc,
  cardId: string,
  attachmentId: string,
  value: AttachmentValue,
  origin?: BoardOrigin
): void {
  const card = cardMap(doc, cardId);
  transact(doc, origin, () => {
    childMap(card, CardKey.attachments).set(attachmentId, {
      name: value.name,
      type: value.type,
      versions: value.versions.map((v) => ({ ...v }))
    });
  });
}

/**
 * Appends the next version of an attachment (a new one when the card has none under this id)
 * and returns its number: a card with drafts in one call, for fixtures and tests. The server
 * writes the entry it rebuilt from its own record with putAttachment instead.
 */
export function addAttachmentVersion(
  doc: Y.Doc,
  cardId: string,
  attachmentId: string,
  file: { name: string; size: number; type: AttachmentType; by: string },
  origin?: BoardOrigin
): number {
  const map = cardMap(doc, cardId).get(CardKey.attachments);
  const current = map instanceof Y.Map ? readAttachmentValue(map.get(attachmentId)) : null;
  const versions = current?.versions ?? [];
  const v = (versions[versions.length - 1]?.v ?? 0) + 1;
  const { name, size, type, by } = file;
  putAttachment(
    doc,
    cardId,
    attachmentId,
    { name, type, versions: [...versions, { v, size, at: Date.now(), by, type, name }] },
    origin
  );
  return v;
}

/** Removes an attachment's entry from the card; false when the card had none. */
export function removeAttachment(
  doc: Y.Doc,
  cardId: string,
  attachmentId: string,
  origin?: BoardOrigin
): boolean {
  const map = cardMap(doc, cardId).get(CardKey.attachments);
  if (!(map instanceof Y.Map) || !map.has(attachmentId)) return false;
  transact(doc, origin, () => map.delete(attachmentId));
  return true;
}

/** The card's attachments, oldest first (by their first version), the id breaking ties. */
export function readAttachments(card: CardMap): AttachmentView[] {
  const map = card.get(CardKey.attachments);
  if (!(map instanceof Y.Map)) return [];
  const out: AttachmentView[] = [];
  map.forEach((raw, id) => {
    const value = readAttachmentValue(raw);
    if (value) out.push({ ...value, id, latest: value.versions[value.versions.length - 1]! });
  });
  return out.sort((a, b) => a.versions[0]!.at - b.versions[0]!.at || (a.id < b.id ? -1 : 1));
}
