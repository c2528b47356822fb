import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { BoardRole } from '#lib/auth/permissions';
import type { AttachmentStore } from '../attachments/AttachmentStore';
import { cleanFileName } from '../attachments/fileName';
import { versionFile } from '../attachments/versionFile';
import type { BoardCatalogue } from '../store/DocStore';
import type { BoardTransfer } from './BoardTransfer';

export interface AccountArchiveDeps {
  transfer: Pick<BoardTransfer, 'exportBoard'>;
  members: { boardsOf(userId: string): Promise<{ boardId: string; role: BoardRole }[]> };
  attachments: Pick<AttachmentStore, 'listAttachments' | 'listVersions'>;
  boards: Pick<BoardCatalogue, 'getBoard'>;
  dataDir: string;
  now?: () => number;
}

/** One attachment version the archive carries, as the manifest lists it. */
export interface ArchivedFile {
  attachmentId: string;
  cardId: string;
  v: number;
  name: string;
  size: number;
  sha256: string;
  /** Its path inside the archive. */
  path: string;
}

export interface ArchivePlan {
  boards: { id: string; title: string; file: string; attachments: ArchivedFile[] }[];
  /** Bytes of attachment files, what makes an archive long; the boards' JSON comes on top. */
  attachmentBytes: number;
}

/**
 * Everything an account owns, as one gzipped tar (issue 19: "an account can download everything
 * it owns"): each board it owns as a board file (the re-importable JSON), the attachment files
 * those boards hold, and `manifest.json` listing both. Streamed: board files are written one at
 * a time to a private temporary folder, attachment files are linked there, never copied, and
 * node-tar reads them as the client reads the answer, so memory holds one board and a few chunks.
 */
export class AccountArchive {
  constructor(private readonly deps: AccountArchiveDeps) {}

  /** What the archive of `userId` will hold: the boards they own and their attachment files. */
  async plan(userId: string): Promise<ArchivePlan> {
    const { members, boards, attachments, dataDir } = this.deps;
    const owned = (await members.boardsOf(userId)).filter((m) => m.role === 'owner');
    const plan: ArchivePlan = { boards: [], attachmentBytes: 0 };
    for (const { boardId } of owned) {
      const record = await boards.getBoard(boardId);
      if (!record) continue;
      const files: ArchivedFile[] = [];
      for (const { attachmentId } of await attachments.listAttachments(boardId)) {
        for (const version of await attachments.listVersions(boardId, attachmentId)) {
          // A version whose file is gone (swept, or a damaged disk) is left out, not a failed download.
          if (!fs.existsSync(versionFile(dataDir, boardId, attachmentId, version.v))) continue;
          const { cardId, v, name, size, sha256 } = version;
          const where = `files/${boardId}/${attachmentId}/v${v}/${cleanFileName(name) || 'file'}`;
          files.push({ attachmentId, cardId, v, name, size, sha256, path: where });
          plan.attachmentBytes += size;
        }
      }
      plan.boards.push({
        id: boardId,
        title: record.title,
        file: `boards/${boardId}.json`,
        attachments: files
      });
    }
    return plan;
  }

  /** The archive as a stream of .tar.gz bytes; its temporary folder goes when the stream ends or is cancelled. */
  async open(userId: string): Promise<ReadableStream<Uint8Array>> {
    const plan = await this.plan(userId);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'stageboard-export-'));
    const cleanup = () => void fsp.rm(dir, { recursive: true, force: true });
    try {
      await fsp.mkdir(path.join(dir, 'boards'));
      for (const board of plan.boards) {
        const file = await this.deps.transfer.exportBoard(userId, board.id);
        await fsp.writeFile(path.join(dir, board.file), JSON.stringify(file));
        for (const f of board.attachments) {
          const link = path.join(dir, ...f.path.split('/'));
          await fsp.mkdir(path.dirname(link), { recursive: true });
          await fsp.symlink(versionFile(this.deps.dataDir, board.id, f.attachmentId, f.v), link);
        }
      }
      const manifest = {
        format: 'stageboard/account-export',
        version: 1,
        exportedAt: new Date((this.deps.now ?? Date.now)()).toISOString(),
        account: userId,
        boards: plan.boards
      };
      await fsp.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    } catch (error) {
      cleanup();
      throw error;
    }
    // follow: the attachment entries are links to the stored files; the archive holds their bytes.
    const pack = new tar.Pack({ cwd: dir, gzip: true, portable: true, follow: true });
    pack.add('manifest.json');
    pack.add('boards');
    if (plan.boards.some((b) => b.attachments.length > 0)) pack.add('files');
    pack.end();
    return packStream(pack, cleanup);
  }
}

/** node-tar's stream as a web stream that reads only as fast as the client takes it. */
function packStream(pack: tar.Pack, cleanup: () => void): ReadableStream<Uint8Array> {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    cleanup();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        pack.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk));
          if ((controller.desiredSize ?? 0) <= 0) pack.pause();
        });
        pack.on('end', () => {
          controller.close();
          finish();
        });
        pack.on('error', (error: unknown) => {
          controller.error(error);
          finish();
        });
      },
      pull() {
        pack.resume();
      },
      cancel() {
        pack.pause();
        finish();
      }
    },
    { highWaterMark: 8 }
  );
}
