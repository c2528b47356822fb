/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`, run from source with tsx as the
 * project's other scripts are (a backup runs for seconds to minutes, so tsx's start-up cost does
 * not matter, and there is no second bundle to keep in step). DATA_DIR and DB_FILE are read by
 * the server's own loadConfig, so both commands find the files the server uses.
 *
 * Progress goes to stdout, one line per step. Exit code 0 on success; otherwise one line on
 * stderr saying what is wrong and what to do next, and exit code 1 (2 for a wrong command line).
 */
import { ConfigError, loadConfig } from '../config';
import { errorMessage } from '../log';
import { BackupError } from './BackupError';
import { createBackup } from './createBackup';
import { restoreBackup } from './restoreBackup';

const USAGE = 'usage: npm run backup -- <archive file>  |  npm run restore -- <archive file>';

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if ((command !== 'backup' && command !== 'restore') || !file || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const verb = command === 'backup' ? 'Backup' : 'Restore';
  try {
    const { dataDir, dbFile } = loadConfig();
    const progress = (line: string) => console.log(line);
    if (command === 'backup') await createBackup({ dataDir, dbFile, file, progress });
    else await restoreBackup({ dataDir, dbFile, file, progress });
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(`${verb} failed: ${error.message}`);
    } else {
      // A disk or permission error: the message names the path; nothing half-done was kept.
      console.error(
        `${verb} failed: ${errorMessage(error)}. Check the path, permissions and free space, then run it again.`
      );
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
