import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The board list: one row per board, readable without loading any document. */
export const boards = sqliteTable('boards', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  templateId: text('template_id'),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  /** JSON of the BoardSummary (src/lib/board/summary.ts); null until the board's first change. */
  summary: text('summary'),
  /** Milliseconds since the epoch, from the server's clock. */
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull()
});

/** One folded Yjs state per board; it covers every logged update with seq <= throughSeq. */
export const docSnapshots = sqliteTable('doc_snapshots', {
  boardId: text('board_id').primaryKey(),
  snapshot: blob('snapshot', { mode: 'buffer' }).notNull(),
  throughSeq: integer('through_seq').notNull(),
  updatedAt: integer('updated_at').notNull()
});

/**
 * The append-only update log. AUTOINCREMENT matters: compaction deletes the newest rows, and a
 * plain rowid would then be reused, giving a later update a seq the snapshot claims to cover.
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    boardId: text('board_id').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull()
  },
  (table) => [index('doc_updates_board_seq_idx').on(table.boardId, table.seq)]
);

/**
 * Team templates saved from boards. The definition is stored as JSON text, not columns: it is
 * read whole, never queried by field, and its shape belongs to src/lib/templates, not to SQL.
 */
export const templates = sqliteTable('templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON of the BoardTemplate. */
  definition: text('definition').notNull(),
  /** The board it was saved from; kept as plain text, since the board may be deleted later. */
  sourceBoardId: text('source_board_id'),
  /**
   * The account that saved it, who may rename, replace and delete it (with administrators).
   * Null for a template whose saver is unknown: only administrators may change it. Plain text
   * like sourceBoardId, so deleting an account leaves its templates in the team's library.
   */
  ownerId: text('owner_id'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull()
});

/**
 * Accounts (server/auth). The email is stored trimmed and lowercased by AuthService, so the
 * unique constraint is the case-insensitive rule; board roles will reference `id` later.
 */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Presence colour, chosen by the server from a fixed palette. */
  color: text('color').notNull(),
  /** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull()
});

/**
 * Signed-in browsers. The key is the sha256 of the cookie's token, never the token, so a copy
 * of the database (a backup, a stolen file) holds no session anyone can present.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    /** Sliding: moved forward when the session is used, at most once an hour. */
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull()
  },
  (table) => [
    index('sessions_user_idx').on(table.userId),
    // The expiry sweep reads by expires_at; without the index it scans every session.
    index('sessions_expires_idx').on(table.expiresAt)
  ]
);

/** Instance settings an administrator changes (open sign-up), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON text. */
  value: text('value').notNull()
});

/**
 * Who is on which board, in which role (src/lib/auth/permissions.ts names the roles). No foreign
 * key to `boards`: a membership row outliving its board is harmless and deleted with it by the
 * service, while a key would make the boards table's own migrations harder.
 */
export const boardMembers = sqliteTable(
  'board_members',
  {
    boardId: text('board_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Who added them (null: the board's creator, or a user since removed). */
    addedBy: text('added_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (table) => [
    primaryKey({ columns: [table.boardId, table.userId] }),
    // "My boards" reads by user.
    index('board_members_user_idx').on(table.userId)
  ]
);

/**
 * What happened on a board, derived by the server from applied updates and its own calls
 * (approve, send back, membership): who, when, what. Clients never write here, so an entry
 * cannot be forged; `data` is the kind's JSON details (stage names at the time, the note …).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    /** Increasing: the feed's order and its paging cursor. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    boardId: text('board_id').notNull(),
    /** Milliseconds since the epoch, from the server's clock. */
    at: integer('at').notNull(),
    /** Who did it; null for the server itself. No foreign key: the log outlives accounts. */
    userId: text('user_id'),
    kind: text('kind').notNull(),
    /** The card it is about, or null (a membership change). */
    cardId: text('card_id'),
    data: text('data').notNull()
  },
  (table) => [
    // The board feed and a card's history both read newest first from a cursor.
    index('audit_events_board_idx').on(table.boardId, table.id),
    index('audit_events_card_idx').on(table.boardId, table.cardId, table.id)
  ]
);

/**
 * Invitation links: whoever opens one (signing up if need be, even when sign-up is closed) joins
 * the board in `role`. Keyed by the sha256 of the link's token, like sessions, so the database
 * holds no usable link.
 */
export const invites = sqliteTable(
  'invites',
  {
    tokenHash: text('token_hash').primaryKey(),
    boardId: text('board_id').notNull(),
    role: text('role').notNull(),
    /** The address it was made for, shown to whoever opens it; null for a link to share. */
    email: text('email'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set when someone joined with it; a used link does not work again. */
    usedBy: text('used_by'),
    usedAt: integer('used_at')
  },
  // By email: the board list shows each person the invitations addressed to them.
  (table) => [index('invites_board_idx').on(table.boardId), index('invites_email_idx').on(table.email)]
);

/**
 * Stored attachment versions (server/attachments): what the server needs to serve a file and
 * judge a request, apart from the board document, which a client can edit and which the server
 * only writes to show the list. One row per version; a version is never changed (but for the
 * sweep's mark), only deleted with its attachment. No foreign keys: rows go with their board
 * through the service.
 */
export const attachmentVersions = sqliteTable(
  'attachment_versions',
  {
    boardId: text('board_id').notNull(),
    attachmentId: text('attachment_id').notNull(),
    /** 1, 2, …: the round of the draft. */
    v: integer('v').notNull(),
    cardId: text('card_id').notNull(),
    /** The cleaned file name as uploaded (bounded, no path separators or control characters). */
    name: text('name').notNull(),
    /** The type sniffed from the content, never the one the client claimed. */
    type: text('type').notNull(),
    size: integer('size').notNull(),
    /** Hex sha256 of the content: the download's ETag. */
    sha256: text('sha256').notNull(),
    /** The uploader's user id; no foreign key, the file outlives the account. */
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: integer('created_at').notNull(),
    /**
     * When the housekeeping sweep first found the card gone from the board's document; null while
     * it is there. Rows and files go only once this is older than the grace period, since deleting
     * drafts is final and the card may yet be restored (AttachmentSweeper.ts).
     */
    orphanedAt: integer('orphaned_at')
  },
  (table) => [
    // Board first: deleting a board's attachments reads by the key's prefix.
    primaryKey({ columns: [table.boardId, table.attachmentId, table.v] }),
    index('attachment_versions_card_idx').on(table.boardId, table.cardId)
  ]
);

// The server's own jobs' tables (inbox, due index, recurring claims) live beside this file.
export * from './schema.jobs';
// Personal access tokens of the REST API.
export * from './schema.tokens';

// Mail notifications' queue and settings (server/mail).
export * from './schema.mail';
export * from './schema.outbound';
