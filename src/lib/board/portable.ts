/**
 * A board document as plain JSON and back, for export and re-import (issue 19). The walk is by Y
 * type, never by field name: a card field added later is carried without this file knowing it,
 * and what comes back is the same tree of Y.Maps, Y.Arrays and Y.Texts holding the same values.
 *
 * A Y type becomes a tagged object (`{ "$y": "map", entries }`, `{ "$y": "array", items }`,
 * `{ "$y": "text", text }` or, when it carries formatting or embeds, `{ "$y": "text", delta }`);
 * every other value is kept as the plain JSON it already is. A plain object that itself has a
 * `$y` key (a client may store any JSON) is wrapped as `{ "$y": "json", value }` so it can never
 * be read as a type, and bytes (Yjs may hold a Uint8Array) as `{ "$y": "bytes", base64 }`.
 */
import * as Y from 'yjs';
import type { BoardOrigin } from './origin';
import { transact } from './transact';

export type PortableNode =
  null | boolean | number | string | PortableNode[] | { [key: string]: PortableNode };

/** Why a portable document was refused: a stable code for the catalogue and the path it was found at. */
export class PortableError extends Error {
  override name = 'PortableError';
  constructor(
    readonly code: 'invalid-document' | 'document-too-large',
    message: string
  ) {
    super(message);
  }
}

/** Bounds on what an imported document may hold, so a file cannot exhaust the server. */
export const PORTABLE_LIMITS = {
  /** Y types and plain values together: a 5,000-card board with long histories is far below this. */
  nodes: 2_000_000,
  /** Nesting of Y types and plain values: the board's deepest path is about six. */
  depth: 32,
  /** Characters of one text or string value (a card description is 20,000). */
  stringChars: 200_000,
  /** Top-level types: the board has eight. */
  roots: 32
} as const;

type RootKind = 'map' | 'array' | 'text';

/**
 * The kind of a top-level type. A document loaded from bytes holds its roots as bare
 * AbstractTypes until someone asks for them by kind; the content of the first item tells.
 */
function rootKind(type: NonNullable<ReturnType<Y.Doc['share']['get']>>): RootKind {
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Array) return 'array';
  if (type instanceof Y.Text) return 'text';
  const first = type._start;
  if (first === null) return 'map';
  const content = first.content;
  return content instanceof Y.ContentString || content instanceof Y.ContentFormat ? 'text' : 'array';
}

function encodeText(text: Y.Text): PortableNode {
  const delta = text.toDelta() as { insert: unknown; attributes?: unknown }[];
  const plain = delta.every((op) => typeof op.insert === 'string' && op.attributes === undefined);
  return plain
    ? { $y: 'text', text: text.toString() }
    : { $y: 'text', delta: delta.map((op) => encodeValue(op) as PortableNode) };
}

function encodeValue(value: unknown): PortableNode {
  if (value instanceof Y.Map) {
    const entries: Record<string, PortableNode> = {};
    value.forEach((v, k) => (entries[k] = encodeValue(v)));
    return { $y: 'map', entries };
  }
  if (value instanceof Y.Array) return { $y: 'array', items: value.toArray().map(encodeValue) };
  if (value instanceof Y.Text) return encodeText(value);
  if (value instanceof Y.AbstractType) throw new Error(`A ${value.constructor.name} cannot be exported.`);
  if (value instanceof Uint8Array) return { $y: 'bytes', base64: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    if ('$y' in value) return { $y: 'json', value: value as PortableNode };
    const out: Record<string, PortableNode> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeValue(v);
    return out;
  }
  return (value ?? null) as PortableNode;
}

/** The whole document as portable JSON: every top-level type by name. */
export function exportDocument(doc: Y.Doc): Record<string, PortableNode> {
  const out: Record<string, PortableNode> = {};
  for (const name of [...doc.share.keys()].sort()) {
    const kind = rootKind(doc.share.get(name)!);
    const type =
      kind === 'map' ? doc.getMap(name) : kind === 'array' ? doc.getArray(name) : doc.getText(name);
    out[name] = encodeValue(type);
  }
  return out;
}

/** Counts what the import walks, refusing at the limits. */
class Budget {
  private nodes = 0;
  take(depth: number, path: string): void {
    if (++this.nodes > PORTABLE_LIMITS.nodes)
      throw new PortableError('document-too-large', `More than ${PORTABLE_LIMITS.nodes} values.`);
    if (depth > PORTABLE_LIMITS.depth)
      throw new PortableError('invalid-document', `${path}: nested deeper than ${PORTABLE_LIMITS.depth}.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(path: string, what: string): PortableError {
  return new PortableError('invalid-document', `${path}: ${what}.`);
}

function checkString(value: string, path: string): string {
  if (value.length > PORTABLE_LIMITS.stringChars)
    throw invalid(path, `a text over ${PORTABLE_LIMITS.stringChars} characters`);
  return value;
}

/** A plain JSON value, checked for size and depth; returned as it is. */
function plainValue(value: unknown, path: string, depth: number, budget: Budget): unknown {
  budget.take(depth, path);
  if (typeof value === 'string') return checkString(value, path);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(path, 'a number that is not finite');
    return value;
  }
  if (value === null || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v, i) => plainValue(v, `${path}[${i}]`, depth + 1, budget));
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) plainValue(v, `${path}.${k}`, depth + 1, budget);
    return value;
  }
  throw invalid(path, 'not a JSON value');
}

/** Writes the portable `node` as a fresh value: a Y type already placed by `place`, or a plain value. */
function decodeInto(
  node: unknown,
  path: string,
  depth: number,
  budget: Budget,
  place: (value: unknown) => unknown
): void {
  if (!isObject(node) || !('$y' in node)) {
    place(plainValue(node, path, depth, budget));
    return;
  }
  budget.take(depth, path);
  const tag = node.$y;
  if (tag === 'json') {
    if (!isObject(node.value)) throw invalid(path, 'a wrapped value that is not an object');
    place(plainValue(node.value, `${path}.value`, depth + 1, budget));
  } else if (tag === 'bytes') {
    if (typeof node.base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(node.base64))
      throw invalid(path, 'bytes that are not base64');
    place(fromBase64(checkString(node.base64, path)));
  } else if (tag === 'map') fillMap(place(new Y.Map()) as Y.Map<unknown>, node, path, depth, budget);
  else if (tag === 'array') fillArray(place(new Y.Array()) as Y.Array<unknown>, node, path, depth, budget);
  else if (tag === 'text') fillText(place(new Y.Text()) as Y.Text, node, path, depth, budget);
  else throw invalid(path, `an unknown type "${String(tag).slice(0, 20)}"`);
}

function fillMap(
  map: Y.Map<unknown>,
  node: Record<string, unknown>,
  path: string,
  depth: number,
  budget: Budget
) {
  if (!isObject(node.entries)) throw invalid(path, 'a map without entries');
  for (const [key, child] of Object.entries(node.entries)) {
    checkString(key, path);
    decodeInto(child, `${path}.${key}`, depth + 1, budget, (value) => {
      map.set(key, value);
      return map.get(key);
    });
  }
}

function fillArray(
  arr: Y.Array<unknown>,
  node: Record<string, unknown>,
  path: string,
  depth: number,
  budget: Budget
) {
  if (!Array.isArray(node.items)) throw invalid(path, 'an array without items');
  node.items.forEach((child, i) =>
    decodeInto(child, `${path}[${i}]`, depth + 1, budget, (value) => {
      arr.push([value]);
      return arr.get(arr.length - 1);
    })
  );
}

function fillText(text: Y.Text, node: Record<string, unknown>, path: string, depth: number, budget: Budget) {
  if (typeof node.text === 'string') {
    text.insert(0, checkString(node.text, path));
    return;
  }
  if (!Array.isArray(node.delta)) throw invalid(path, 'a text without text or delta');
  const delta = node.delta.map((op, i) => {
    const where = `${path}.delta[${i}]`;
    if (!isObject(op) || !('insert' in op)) throw invalid(where, 'an operation without insert');
    if (op.attributes !== undefined && !isObject(op.attributes))
      throw invalid(where, 'attributes that are not an object');
    return plainValue(op, where, depth + 1, budget);
  });
  text.applyDelta(delta);
}

/**
 * Writes a portable document into `doc`, which must be empty, in one transaction: each named
 * root gets the types and values it had when exported. Throws PortableError, before writing
 * anything that could be seen, for a tree that is not a portable document or passes the limits.
 * The caller builds a throwaway doc, so a refusal mid-way leaves no board behind.
 */
export function importDocument(doc: Y.Doc, document: unknown, origin: BoardOrigin): void {
  if (!isObject(document)) throw invalid('document', 'not an object');
  const names = Object.keys(document);
  if (names.length > PORTABLE_LIMITS.roots)
    throw invalid('document', `more than ${PORTABLE_LIMITS.roots} roots`);
  if (doc.share.size > 0) throw new Error('importDocument needs an empty document.');
  const budget = new Budget();
  transact(doc, origin, () => {
    for (const name of names) {
      const node = document[name];
      if (!isObject(node)) throw invalid(name, 'a root that is not a map, array or text');
      if (node.$y === 'map') fillMap(doc.getMap(name), node, name, 1, budget);
      else if (node.$y === 'array') fillArray(doc.getArray(name), node, name, 1, budget);
      else if (node.$y === 'text') fillText(doc.getText(name), node, name, 1, budget);
      else throw invalid(name, 'a root that is not a map, array or text');
    }
  });
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
