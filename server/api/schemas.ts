/**
 * The REST API's shapes, declared once in zod: the routes validate their input with them and
 * /api/openapi.json is generated from them (openapi.ts), so the document cannot drift from what
 * the server accepts. Bounds come from the board's own LIMITS where the board has one.
 */
import { z } from 'zod';
import { COMMENT_MAX, LIMITS } from '#lib/board';
import { BOARD_ROLES } from '#lib/auth/permissions';

/** Ids the board makes (src/lib/board/ids.ts) and the account ids: short, plain characters. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Day = z.iso.date().describe("A day, 'YYYY-MM-DD'.");
const Ids = z.array(Id).max(LIMITS.assignees);

export const BoardParams = z.strictObject({ id: Id });
export const CardParams = z.strictObject({ id: Id, cardId: Id });
export const ItemParams = z.strictObject({ id: Id, cardId: Id, itemId: Id });

export const Stage = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.string(),
  gated: z.boolean().describe('A card leaves forward only once the stage is approved for it.'),
  wipLimit: z.number().int().nullable()
});

export const Label = z.object({ id: z.string(), name: z.string(), color: z.string() });

export const BoardSummary = z.object({
  id: z.string(),
  title: z.string(),
  role: z.enum(BOARD_ROLES).describe("The account's role; a read token acts as a viewer whatever it is."),
  archived: z.boolean()
});

export const Board = z.object({
  id: z.string(),
  title: z.string(),
  role: z.enum(BOARD_ROLES),
  stages: z.array(Stage),
  labels: z.array(Label)
});

export const Card = z.object({
  id: z.string(),
  title: z.string(),
  stageId: z.string(),
  rank: z.string(),
  archived: z.boolean(),
  createdAt: z.number().int(),
  due: Day.nullable(),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  checklistDone: z.number().int(),
  checklistTotal: z.number().int()
});

export const CardDetail = Card.extend({ description: z.string() });

export const CardsQuery = z.strictObject({
  stageId: Id.optional(),
  labelId: Id.optional(),
  assigneeId: Id.optional(),
  archived: z.enum(['true', 'false']).optional().describe('Archived cards instead of live ones.'),
  q: z.string().max(200).optional().describe('Words the title contains (case-insensitive).'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional()
});

export const NewCard = z.strictObject({
  stageId: Id,
  title: z.string().min(1).max(LIMITS.cardTitle),
  description: z.string().max(LIMITS.cardDescription).optional(),
  due: Day.nullable().optional(),
  labels: Ids.optional(),
  assignees: Ids.optional()
});

export const CardChanges = z
  .strictObject({
    title: z.string().min(1).max(LIMITS.cardTitle).optional(),
    description: z.string().max(LIMITS.cardDescription).optional(),
    due: Day.nullable().optional().describe('null clears the date.'),
    labels: Ids.optional().describe('The labels the card has afterwards.'),
    assignees: Ids.optional().describe('The board members the card is assigned to afterwards.')
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Name at least one field to change.' });

export const Archive = z.strictObject({
  archived: z.boolean().optional().describe('false restores an archived card; default true.')
});

export const Move = z.strictObject({
  stageId: Id,
  position: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .describe('Index among the stage’s live cards, counted without this card; default: last.')
});

export const Comment = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  at: z.number().int(),
  replyTo: z.string().nullable()
});

export const NewComment = z.strictObject({
  text: z.string().min(1).max(COMMENT_MAX),
  replyTo: Id.optional()
});

export const ChecklistItem = z.object({
  id: z.string(),
  text: z.string(),
  done: z.boolean(),
  stageId: z.string().nullable(),
  listId: z.string().nullable()
});

export const NewChecklistItem = z.strictObject({ text: z.string().min(1).max(LIMITS.checklistText) });
export const Tick = z.strictObject({ done: z.boolean() });

/** Every refusal, from any route: the one error shape of the whole HTTP API (server/http/json.ts). */
export const ApiError = z.object({
  error: z.object({
    code: z.string().describe('Stable; what a client branches on.'),
    message: z.string().describe('English, for people reading logs.'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
  })
});
