import type { BoardTemplate } from '#lib/templates/types';
import type { TemplateRecord } from './DocStore';
import { StoreInputError } from './validateInput';

/**
 * How every store keeps a template definition: as JSON text. The memory store uses it too, so a
 * caller gets the same copy semantics from both (nothing shared with the caller, `undefined`
 * fields dropped) and a definition that SQLite could not hold fails in tests as well.
 */

/** The definition as JSON text; throws a StoreInputError when it cannot be serialised (a cycle, a BigInt). */
export function encodeDefinition(definition: BoardTemplate): string {
  try {
    return JSON.stringify(definition);
  } catch (error) {
    throw new StoreInputError(
      `template definition cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

/**
 * The definition read back, or null when the text is not a JSON object (a row damaged outside
 * the app). Null lets list skip that one template and get treat it as absent instead of failing.
 */
export function decodeDefinition(json: string): BoardTemplate | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as BoardTemplate)
      : null;
  } catch {
    return null;
  }
}

/** A template row as both stores hold it: the definition still JSON text. */
export interface TemplateRow {
  id: string;
  name: string;
  definition: string;
  sourceBoardId: string | null;
  ownerId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The record for a row, or null when its definition cannot be read back. */
export function templateRecord(row: TemplateRow): TemplateRecord | null {
  const definition = decodeDefinition(row.definition);
  return definition && { ...row, definition };
}
