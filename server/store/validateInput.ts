import { readBoardSummary } from '#lib/board/summary';
import type { BoardPatch, NewBoard, NewTemplate, TemplatePatch } from './DocStore';

/**
 * Checks shared by every DocStore, so a bad call fails the same way (and before any write)
 * whichever database sits behind the interface.
 */

/** A caller passed something no store accepts; nothing was written. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** Throws unless `boardId` is a non-empty string. */
export function assertBoardId(boardId: unknown, what = 'boardId'): asserts boardId is string {
  if (typeof boardId !== 'string' || boardId.length === 0) {
    throw new StoreInputError(`${what} must be a non-empty string, got ${describe(boardId)}.`);
  }
}

/** Throws unless `bytes` is a non-empty Uint8Array (Yjs never produces a zero-byte update). */
export function assertBytes(bytes: unknown, what: string): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array)) {
    throw new StoreInputError(`${what} must be a Uint8Array, got ${describe(bytes)}.`);
  }
  if (bytes.byteLength === 0) throw new StoreInputError(`${what} must not be empty.`);
}

/** Throws unless `throughSeq` is a whole number >= 0. */
export function assertThroughSeq(throughSeq: unknown): asserts throughSeq is number {
  if (typeof throughSeq !== 'number' || !Number.isSafeInteger(throughSeq) || throughSeq < 0) {
    throw new StoreInputError(`throughSeq must be a whole number >= 0, got ${describe(throughSeq)}.`);
  }
}

/**
 * Throws when `throughSeq` is beyond the board's last seq: a snapshot claiming updates that were
 * never logged would hide the next ones appended.
 */
export function assertWithinLog(throughSeq: number, lastSeq: number): void {
  if (throughSeq > lastSeq) {
    throw new StoreInputError(`throughSeq ${throughSeq} is beyond the board's last logged seq ${lastSeq}.`);
  }
}

/** Throws unless `board` has a non-empty id, a string title and a string-or-null templateId. */
export function assertNewBoard(board: unknown): asserts board is NewBoard {
  if (typeof board !== 'object' || board === null) {
    throw new StoreInputError(`board must be an object, got ${describe(board)}.`);
  }
  const { id, title, templateId } = board as Record<string, unknown>;
  assertBoardId(id, 'board.id');
  if (typeof title !== 'string')
    throw new StoreInputError(`board.title must be a string, got ${describe(title)}.`);
  if (templateId !== null && typeof templateId !== 'string') {
    throw new StoreInputError(`board.templateId must be a string or null, got ${describe(templateId)}.`);
  }
}

/** Throws unless `patch` holds only a string title and/or a boolean archived. */
export function assertPatch(patch: unknown): asserts patch is BoardPatch {
  if (typeof patch !== 'object' || patch === null) {
    throw new StoreInputError(`patch must be an object, got ${describe(patch)}.`);
  }
  const { title, archived, summary } = patch as Record<string, unknown>;
  if (title !== undefined && typeof title !== 'string') {
    throw new StoreInputError(`patch.title must be a string, got ${describe(title)}.`);
  }
  if (archived !== undefined && typeof archived !== 'boolean') {
    throw new StoreInputError(`patch.archived must be a boolean, got ${describe(archived)}.`);
  }
  if (summary !== undefined && readBoardSummary(summary) === null) {
    throw new StoreInputError(`patch.summary must be a board summary, got ${describe(summary)}.`);
  }
}

/** Throws unless `template` has a non-empty id, a string name, an object definition and string-or-null sourceBoardId and ownerId. */
export function assertNewTemplate(template: unknown): asserts template is NewTemplate {
  if (typeof template !== 'object' || template === null) {
    throw new StoreInputError(`template must be an object, got ${describe(template)}.`);
  }
  const { id, name, definition, sourceBoardId, ownerId } = template as Record<string, unknown>;
  assertBoardId(id, 'template.id');
  if (typeof name !== 'string')
    throw new StoreInputError(`template.name must be a string, got ${describe(name)}.`);
  assertDefinition(definition, 'template.definition');
  if (sourceBoardId !== null && typeof sourceBoardId !== 'string') {
    throw new StoreInputError(
      `template.sourceBoardId must be a string or null, got ${describe(sourceBoardId)}.`
    );
  }
  if (ownerId !== null && typeof ownerId !== 'string') {
    throw new StoreInputError(`template.ownerId must be a string or null, got ${describe(ownerId)}.`);
  }
}

/** Throws unless `patch` holds only a string name and/or an object definition. */
export function assertTemplatePatch(patch: unknown): asserts patch is TemplatePatch {
  if (typeof patch !== 'object' || patch === null) {
    throw new StoreInputError(`patch must be an object, got ${describe(patch)}.`);
  }
  const { name, definition } = patch as Record<string, unknown>;
  if (name !== undefined && typeof name !== 'string') {
    throw new StoreInputError(`patch.name must be a string, got ${describe(name)}.`);
  }
  if (definition !== undefined) assertDefinition(definition, 'patch.definition');
}

// The store keeps a definition whole and leaves its rules to the template validator; it only
// insists on a JSON object, so what is read back is the same kind of value that was written.
function assertDefinition(definition: unknown, what: string): void {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new StoreInputError(`${what} must be an object, got ${describe(definition)}.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return typeof value;
}
