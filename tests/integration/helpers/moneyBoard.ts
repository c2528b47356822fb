/**
 * A real server and SQLite file with one board, 双十一, and three people: 王经理 who owns it,
 * 李执行 who spends on it (a viewer of the board, so the routes' own access checks are what let
 * them read), and 路人 who is not a member. The money, claims and report tests fill its card.
 */
import { startServer, type RequestHandler, type RunningServer } from '#server/app';
import type { PublicUser } from '#server/auth/AuthService';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { RecordingLogger, sessionCookie, testConfig } from './syncHarness';

export type MoneyPerson = '王经理' | '李执行' | '路人';

export interface MoneyBoard {
  server: RunningServer;
  boardId: string;
  people: Record<MoneyPerson, { user: PublicUser; cookie: string }>;
}

export async function startMoneyBoard(
  dir: string,
  handler: RequestHandler,
  emailPrefix: string
): Promise<MoneyBoard> {
  const config = testConfig(dir);
  const server = await startServer({
    config,
    persistence: openSqlitePersistence(config),
    log: new RecordingLogger(),
    handler
  });
  const { auth, boards, members } = server.services;
  const people = {} as MoneyBoard['people'];
  for (const [i, name] of (['王经理', '李执行', '路人'] as const).entries()) {
    if (i === 1) await auth.setOpenSignup(people['王经理'].user, true);
    const email = `${emailPrefix}${i}@example.com`;
    const { user, token } = await auth.signUp({ email, password: 'a long enough password', name });
    people[name] = { user, cookie: sessionCookie(token) };
  }
  const boardId = (await boards.create({ title: '双十一', creatorId: people['王经理'].user.id })).id;
  await members.add(people['王经理'].user.id, boardId, {
    email: people['李执行'].user.email,
    role: 'viewer'
  });
  return { server, boardId, people };
}
