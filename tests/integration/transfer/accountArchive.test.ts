/**
 * "An account can download everything it owns" (issue 19): GET /api/account/export.tar.gz on a
 * real server holds each board the caller owns as a re-importable board file, the attachment
 * files of those boards byte for byte, and a manifest; a board they only work on is not in it.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, addCard, readStages } from '#lib/board';
import * as archiveApi from '#src/routes/api/account/export.tar.gz/+server';
import { PNG } from '../attachments/attachmentFixture';
import { startTestServer, tempDir, waitFor, type TestServer } from '../helpers/syncHarness';
import { svelteRoutes } from '../helpers/svelteRoutes';

const ROUTES = svelteRoutes([
  { method: 'GET', path: /^\/api\/account\/export\.tar\.gz$/, params: [], run: archiveApi.GET }
]);

interface Manifest {
  format: string;
  boards: {
    id: string;
    title: string;
    file: string;
    attachments: { path: string; size: number; sha256: string }[];
  }[];
}

describe('an account’s archive of what it owns', () => {
  const tmp = tempDir();
  let server: TestServer;
  let owned: string[];
  let notOwned: string;

  beforeAll(async () => {
    server = await startTestServer(tmp.dir, {}, undefined, { handler: ROUTES });
    const { boards, attachments, auth } = server.services;
    owned = [
      (await boards.create({ title: '双十一主会场', creatorId: server.owner.id })).id,
      (await boards.create({ title: '门店开业', creatorId: server.owner.id })).id
    ];
    const other = await auth.signUp({
      email: 'other@harness.test',
      password: 'other-password',
      name: '别人'
    });
    notOwned = (await boards.create({ title: '别人的看板', creatorId: other.user.id })).id;
    await server.services.members.add(other.user.id, notOwned, { email: server.owner.email, role: 'editor' });
    await server.rooms.change(owned[0]!, (doc) =>
      addCard(doc, { stageId: readStages(doc)[0]!.id, title: '主视觉', id: 'kv' }, SERVER_ORIGIN)
    );
    await attachments.upload(server.owner, owned[0]!, 'kv', {
      name: '主视觉.png',
      body: (async function* () {
        yield new Uint8Array(PNG);
      })()
    });
  });

  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  it('holds every owned board as a board file, their files byte for byte, and a manifest', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/account/export.tar.gz`, {
      headers: { cookie: server.cookie }
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    const out = path.join(tmp.dir, 'unpacked');
    await fsp.mkdir(out);
    await pipeline(Readable.fromWeb(response.body! as never), tar.extract({ cwd: out, strict: true }));

    const manifest = JSON.parse(await fsp.readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.format).toBe('stageboard/account-export');
    expect(manifest.boards.map((b) => b.id).sort()).toEqual([...owned].sort());
    for (const board of manifest.boards) {
      const file = JSON.parse(await fsp.readFile(path.join(out, board.file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(file).toMatchObject({ format: 'stageboard/board', version: 1, board: { id: board.id } });
    }
    const files = manifest.boards.flatMap((b) => b.attachments);
    expect(files).toHaveLength(1);
    expect(files[0]!.path).toMatch(/主视觉\.png$/);
    expect(await fsp.readFile(path.join(out, files[0]!.path))).toEqual(PNG);
    await expect(fsp.stat(path.join(out, 'boards', `${notOwned}.json`))).rejects.toThrow();
  });

  it('leaves no temporary folder behind once sent', async () => {
    const plan = await server.services.accountArchive.plan(server.owner.id);
    expect(plan.attachmentBytes).toBe(PNG.length);
    const before = await leftovers();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/account/export.tar.gz`, {
      headers: { cookie: server.cookie }
    });
    await response.arrayBuffer();
    // The folder this download made (a new name) is removed as the stream ends, without the
    // answer waiting for it; an earlier test's may still be going meanwhile, so only new ones count.
    const made = async () => (await leftovers()).filter((n) => !before.includes(n));
    await waitFor('the temporary folder removed', async () => (await made()).length === 0);
  });
});

async function leftovers(): Promise<string[]> {
  return (await fsp.readdir(os.tmpdir())).filter((n) => n.startsWith('stageboard-export-')).sort();
}
