import { LIMITS, isBoardId, newId, readBoard, readFieldDefs, readRoleList } from '#lib/board';
import { canTemplate, type TemplateAction, type TemplateActor } from '#lib/auth/permissions';
import {
  TEMPLATES,
  TEMPLATE_ID_PATTERN,
  TemplateError,
  cleanTemplate,
  findBuiltinTemplate,
  templateFromBoard,
  type BoardTemplate
} from '#lib/templates';
import type { RoomManager } from '../rooms/RoomManager';
import type { DocStore, TemplateRecord } from '../store/DocStore';
import { TemplateRequestError } from './TemplateRequestError';

/**
 * Largest template definition stored, as JSON. Rule limits allow about 2 MB in theory (50 stages ×
 * 60 checklist items × 300 characters × 2 languages); real processes are a few KB, and every
 * board created from a template copies it into its document.
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** The validator's limit for a template's description. */
const MAX_DESCRIPTION = 1000;

/** Whitespace folded to single spaces: the validator refuses line breaks a textarea may send. */
const fold = (value: string): string => value.replace(/\s+/g, ' ').trim();

function cleanName(name: unknown): string {
  const clean = typeof name === 'string' ? fold(name) : '';
  if (!clean || clean.length > LIMITS.boardTitle) {
    throw new TemplateRequestError(
      400,
      'invalid-name',
      `A template name is 1–${LIMITS.boardTitle} characters.`
    );
  }
  return clean;
}

function cleanDescription(description: unknown): string | undefined {
  if (description === undefined || description === null) return undefined;
  const clean = typeof description === 'string' ? fold(description) : null;
  if (clean === null || clean.length > MAX_DESCRIPTION) {
    throw new TemplateRequestError(
      400,
      'invalid-description',
      `A template description is text of at most ${MAX_DESCRIPTION} characters.`
    );
  }
  return clean || undefined;
}

const notFound = () => new TemplateRequestError(404, 'not-found', 'No such template.');

/** Most team templates one server keeps; a picker of more is no longer a picker. */
export const MAX_TEAM_TEMPLATES = 500;

/**
 * Refuses a definition that is too large or breaks a template rule (the 400 carries the
 * validator's message, which names the field) and returns it with only its known fields.
 */
function checkDefinition(definition: BoardTemplate): BoardTemplate {
  if (Buffer.byteLength(JSON.stringify(definition)) > MAX_TEMPLATE_BYTES) {
    throw new TemplateRequestError(
      413,
      'too-large',
      `A template is at most ${MAX_TEMPLATE_BYTES / 1024} KB.`
    );
  }
  try {
    return cleanTemplate(definition);
  } catch (error) {
    if (error instanceof TemplateError)
      throw new TemplateRequestError(400, 'invalid-template', error.message);
    // The validator reads typed data; JSON from the network can put null or a number anywhere.
    if (error instanceof TypeError) {
      throw new TemplateRequestError(
        400,
        'invalid-template',
        `Template "${definition.id}" is not well-formed.`
      );
    }
    throw error;
  }
}

/** A definition sent to replace a team template's: an object, of kind 'team', with the template's own id. */
function teamDefinition(value: unknown, id: string): BoardTemplate {
  const fail = (field: string, why: string) =>
    new TemplateRequestError(400, 'invalid-template', new TemplateError(id, field, why).message);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail('definition', 'must be a template object.');
  }
  const definition = value as BoardTemplate;
  if (definition.kind !== 'team') throw fail('kind', 'must be "team".');
  if (definition.id !== id) throw fail('id', `must be "${id}", the template's own id.`);
  return definition;
}

/**
 * Board templates for the picker and the templates API: the built-in library (read-only, from
 * src/lib/templates) and the team's own, saved from boards and kept in the DocStore.
 */
export class TemplateService {
  constructor(
    private readonly store: DocStore,
    private readonly rooms: RoomManager
  ) {}

  /** Every template a board can start from: the built-in library, then the team's, latest change first. */
  async list(): Promise<BoardTemplate[]> {
    const team = await this.store.listTemplates();
    return [...TEMPLATES, ...team.map((record) => record.definition)];
  }

  /** The template with this id, built-in or team, or undefined (how BoardService resolves a templateId). */
  async find(id: string): Promise<BoardTemplate | undefined> {
    if (!TEMPLATE_ID_PATTERN.test(id)) return undefined;
    return findBuiltinTemplate(id) ?? (await this.store.getTemplate(id))?.definition;
  }

  /** The template with this id; throws a 404 TemplateRequestError when there is none. */
  async get(id: string): Promise<BoardTemplate> {
    const template = await this.find(id);
    if (!template) throw notFound();
    return template;
  }

  /**
   * Every template with the ids of the team templates `actor` may edit and delete, so a picker
   * offers rename and delete only where they would be allowed.
   */
  async listFor(actor: TemplateActor): Promise<{ templates: BoardTemplate[]; changeable: string[] }> {
    const team = await this.store.listTemplates();
    const changeable = team.filter((t) => canTemplate(actor, t.ownerId, 'edit')).map((t) => t.id);
    return { templates: [...TEMPLATES, ...team.map((record) => record.definition)], changeable };
  }

  /**
   * The stored team template when `actor` may `action` (edit or delete) it; throws 403
   * 'builtin-template' for a built-in one, 404 for none, and 403 'not-template-owner' when the
   * permission function says no. Every change goes through it, and so does a route's
   * `template:*` declaration (server/http/route.ts), before the body is read.
   */
  async authorize(
    actor: TemplateActor | null,
    id: string,
    action: Exclude<TemplateAction, 'use'>
  ): Promise<TemplateRecord> {
    this.#refuseBuiltin(id);
    const stored = TEMPLATE_ID_PATTERN.test(id) ? await this.store.getTemplate(id) : null;
    if (!stored) throw notFound();
    if (!canTemplate(actor, stored.ownerId, action)) {
      throw new TemplateRequestError(
        403,
        'not-template-owner',
        'Only the person who saved this template, or an administrator, may change or delete it.'
      );
    }
    return stored;
  }

  /**
   * Saves a board's current stages and rules as a new team template, owned by `owner`; or, with
   * `replace` (a team template's id), as that template's new definition, keeping its id and owner,
   * for its owner or an administrator only. A new template may not take a team template's name
   * (409 'template-name-taken'): a second one of the same name was the mistake people made, so
   * the caller asks them to replace or rename.
   */
  async saveFromBoard(input: {
    boardId: unknown;
    name: unknown;
    description?: unknown;
    owner: TemplateActor;
    replace?: unknown;
  }): Promise<BoardTemplate> {
    const name = cleanName(input.name);
    const description = cleanDescription(input.description);
    const { boardId } = input;
    if (!isBoardId(boardId) || !(await this.store.getBoard(boardId))) {
      throw new TemplateRequestError(404, 'unknown-board', 'No such board.');
    }
    if (input.replace !== undefined) {
      if (typeof input.replace !== 'string') throw notFound();
      const stored = await this.authorize(input.owner, input.replace, 'edit');
      const definition = checkDefinition(await this.#fromBoard(boardId, stored.id, name, description));
      const record = await this.store.updateTemplate(stored.id, { name, definition });
      if (!record) throw notFound();
      return record.definition;
    }
    const team = await this.store.listTemplates();
    const folded = name.toLocaleLowerCase();
    if (team.some((t) => t.name.toLocaleLowerCase() === folded)) {
      throw new TemplateRequestError(
        409,
        'template-name-taken',
        `A team template is already named "${name}".`
      );
    }
    if (team.length >= MAX_TEAM_TEMPLATES) {
      throw new TemplateRequestError(
        409,
        'too-many-templates',
        `This server keeps at most ${MAX_TEAM_TEMPLATES} team templates; delete some you no longer use.`
      );
    }
    const id = `team-${newId(20).toLowerCase()}`;
    const clean = checkDefinition(await this.#fromBoard(boardId, id, name, description));
    await this.store.createTemplate({
      id,
      name,
      definition: clean,
      sourceBoardId: boardId,
      ownerId: input.owner.id
    });
    return clean;
  }

  /**
   * Renames a team template and/or replaces its definition. A new name is written into the
   * definition too (both languages, as a save does), so the picker and the record agree.
   */
  async update(
    actor: TemplateActor,
    id: string,
    patch: { name?: unknown; definition?: unknown }
  ): Promise<BoardTemplate> {
    const stored = await this.authorize(actor, id, 'edit');
    if (patch.name === undefined && patch.definition === undefined) {
      throw new TemplateRequestError(400, 'empty-patch', 'Send "name" and/or "definition".');
    }
    const name = patch.name === undefined ? undefined : cleanName(patch.name);
    let definition =
      patch.definition === undefined ? stored.definition : teamDefinition(patch.definition, id);
    if (name !== undefined) definition = { ...definition, name: { 'zh-CN': name, en: name } };
    const clean = checkDefinition(definition);
    const record = await this.store.updateTemplate(id, { name: clean.name['zh-CN'], definition: clean });
    // Deleted by someone else between the read and the write.
    if (!record) throw notFound();
    return record.definition;
  }

  /** Deletes a team template (its owner or an administrator); boards made from it keep their copy of its rules. */
  async delete(actor: TemplateActor, id: string): Promise<void> {
    await this.authorize(actor, id, 'delete');
    if (!(await this.store.deleteTemplate(id))) throw notFound();
  }

  #fromBoard(
    boardId: string,
    id: string,
    name: string,
    description: string | undefined
  ): Promise<BoardTemplate> {
    // Through the room, not the store: the live document holds edits the log has not compacted yet.
    return this.rooms.read(boardId, (doc) =>
      templateFromBoard(
        { ...readBoard(doc), fields: readFieldDefs(doc) },
        { id, name, description },
        readRoleList(doc)
      )
    );
  }

  #refuseBuiltin(id: string): void {
    if (findBuiltinTemplate(id)) {
      throw new TemplateRequestError(
        403,
        'builtin-template',
        'Built-in templates cannot be changed or deleted. Create a board from it and save that board as your own template.'
      );
    }
  }
}
