/**
 * Fixture: writes a board with many cards straight into the app's SQLite store, for trying the
 * UI and the sync path at scale. Usage:
 *   npx tsx scripts/big-board.ts [--cards 2000] [--stages 8] [--title "Big board"]
 * DATA_DIR (and DB_FILE) choose the database, as for the server. The board belongs to the
 * instance's first administrator (a board nobody is a member of is open to nobody); before anyone
 * has signed up, the administrator adopts it at sign-up.
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { LIMITS, addCards, initBoard, newId, readStages, type BoardOrigin } from '#lib/board';
import { SqliteAuthStore } from '#server/auth/SqliteAuthStore';
import { SqliteMemberStore } from '#server/auth/SqliteMemberStore';
import { ConfigError, loadConfig } from '#server/config';
import { SqliteDocStore } from '#server/store/SqliteDocStore';

const USAGE = 'Usage: npx tsx scripts/big-board.ts [--cards 2000] [--stages 8] [--title "Big board"]';
const MAX_CARDS = 100_000;
const ORIGIN: BoardOrigin = { source: 'server', reason: 'fixture' };

interface Options {
  cards: number;
  stages: number;
  title: string;
}

class UsageError extends Error {
  override name = 'UsageError';
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

/** The options, or null when the caller asked for help. */
function parseOptions(argv: string[]): Options | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        cards: { type: 'string', default: '2000' },
        stages: { type: 'string', default: '8' },
        title: { type: 'string', default: 'Big board' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return null;
  const title = values.title.replace(/\s+/g, ' ').trim();
  if (!title || title.length > LIMITS.boardTitle) {
    throw new UsageError(`--title must be 1–${LIMITS.boardTitle} characters.`);
  }
  return {
    cards: wholeNumber('cards', values.cards, 0, MAX_CARDS),
    stages: wholeNumber('stages', values.stages, 1, LIMITS.stages),
    title
  };
}

/** The board document: `stages` stages and `cards` cards dealt round-robin across them. */
function buildDoc(options: Options): Y.Doc {
  const doc = new Y.Doc();
  const names = Array.from({ length: options.stages }, (_, i) => ({ name: `Stage ${i + 1}` }));
  initBoard(doc, { title: options.title, templateId: null, stages: names }, ORIGIN);
  const stages = readStages(doc);
  stages.forEach((stage, s) => {
    const titles: string[] = [];
    for (let i = s; i < options.cards; i += stages.length) titles.push(`Card ${i + 1}`);
    addCards(doc, stage.id, titles, ORIGIN);
  });
  return doc;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();

  const started = performance.now();
  const doc = buildDoc(options);
  const update = Y.encodeStateAsUpdate(doc);
  const buildMs = performance.now() - started;
  if (update.byteLength > config.maxDocBytes) {
    throw new UsageError(
      `The document would be ${update.byteLength} bytes, over MAX_DOC_BYTES=${config.maxDocBytes}; ` +
        'the server would refuse to load it. Use fewer cards.'
    );
  }

  const store = SqliteDocStore.open(config);
  try {
    const id = newId();
    await store.createBoard({ id, title: options.title, templateId: null });
    try {
      await store.appendUpdate(id, update);
    } catch (error) {
      // A catalogue row without its document would list a board that opens empty.
      await store.deleteBoard(id);
      throw error;
    }
    const admin = await SqliteAuthStore.over(store).getFirstAdmin();
    if (admin) {
      await SqliteMemberStore.over(store).putMember({
        boardId: id,
        userId: admin.id,
        role: 'owner',
        addedBy: null,
        createdAt: Date.now()
      });
    }
    console.log(`Board ${id}: ${options.cards} cards over ${options.stages} stages in ${config.dbFile}`);
    console.log(admin ? `Owner: ${admin.email}` : 'Owner: the first account to sign up');
    console.log(`Open /boards/${id}`);
    console.log(`Document: ${update.byteLength} bytes; built in ${Math.round(buildMs)} ms`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(`big-board: ${error.message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
