import Database from 'better-sqlite3';
import { desc, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { NewTemplate, TemplatePatch, TemplateRecord } from './DocStore';
import { templates } from './schema';
import { encodeDefinition, templateRecord } from './templateJson';
import { StoreInputError } from './validateInput';

/** Runs a write in its own transaction (SqliteDocStore's, so pending group commits go first). */
export type WriteTransaction = <T>(fn: () => T) => T;

/**
 * The `templates` table for SqliteDocStore, kept apart so the document log's file stays
 * readable. Synchronous and unchecked: SqliteDocStore validates input and checks it is open.
 */
export class SqliteTemplates {
  readonly #write: WriteTransaction;
  readonly #list;
  readonly #select;
  readonly #insert;
  readonly #update;
  readonly #delete;

  constructor(db: BetterSQLite3Database, write: WriteTransaction) {
    this.#write = write;
    const id = sql.placeholder('id');
    // rowid breaks ties between templates updated in the same millisecond: the later-created first.
    this.#list = db
      .select()
      .from(templates)
      .orderBy(desc(templates.updatedAt), desc(sql`rowid`))
      .prepare();
    this.#select = db.select().from(templates).where(eq(templates.id, id)).prepare();
    this.#insert = db
      .insert(templates)
      .values({
        id,
        name: sql.placeholder('name'),
        definition: sql.placeholder('definition'),
        sourceBoardId: sql.placeholder('sourceBoardId'),
        ownerId: sql.placeholder('ownerId'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now')
      })
      .prepare();
    // A null parameter keeps the column: one prepared statement serves every kind of patch.
    this.#update = db
      .update(templates)
      .set({
        name: sql`coalesce(${sql.placeholder('name')}, ${templates.name})`,
        definition: sql`coalesce(${sql.placeholder('definition')}, ${templates.definition})`,
        updatedAt: sql`${sql.placeholder('now')}`
      })
      .where(eq(templates.id, id))
      .returning()
      .prepare();
    this.#delete = db.delete(templates).where(eq(templates.id, id)).prepare();
  }

  list(): TemplateRecord[] {
    return this.#list.all().flatMap((row) => templateRecord(row) ?? []);
  }

  get(id: string): TemplateRecord | null {
    const row = this.#select.get({ id });
    return row ? templateRecord(row) : null;
  }

  create(template: NewTemplate): TemplateRecord {
    const definition = encodeDefinition(template.definition);
    const now = Date.now();
    const row = { ...template, definition, createdAt: now, updatedAt: now };
    try {
      this.#write(() => this.#insert.run({ ...row, now }));
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StoreInputError(`A template with id "${template.id}" already exists.`);
      }
      throw error;
    }
    // Decoded from the stored text, so the caller gets a copy that shares nothing with its input.
    return templateRecord(row) as TemplateRecord;
  }

  update(id: string, patch: TemplatePatch): TemplateRecord | null {
    const definition = patch.definition === undefined ? null : encodeDefinition(patch.definition);
    return this.#write(() => {
      const stored = this.#select.get({ id });
      // A row whose definition is unreadable counts as absent, unless this patch replaces it.
      if (!stored || (definition === null && !templateRecord(stored))) return null;
      const row = this.#update.get({ id, name: patch.name ?? null, definition, now: Date.now() });
      return row ? templateRecord(row) : null;
    });
  }

  delete(id: string): boolean {
    return this.#write(() => this.#delete.run({ id }).changes > 0);
  }
}
