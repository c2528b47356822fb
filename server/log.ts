/** Fields appended to a log line as key=value pairs. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** One line per event, so `grep board=abc` finds a board's whole story. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function isLevel(value: string): value is LogLevel {
  return value in RANK;
}

/** LOG_LEVEL when set; otherwise 'info', or 'silent' under vitest so test output stays readable. */
export function defaultLogLevel(env: Record<string, string | undefined> = process.env): LogLevel {
  const raw = env.LOG_LEVEL?.toLowerCase();
  if (raw && isLevel(raw)) return raw;
  return env.VITEST ? 'silent' : 'info';
}

/** A logger writing one line per event to stderr (warn, error) or stdout (debug, info). */
export function createLogger(level: LogLevel = defaultLogLevel()): Logger {
  const threshold = RANK[level];
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (RANK[lineLevel] < threshold) return;
    const line = `${new Date().toISOString()} ${lineLevel.toUpperCase()} ${message}${formatFields(fields)}\n`;
    (RANK[lineLevel] >= RANK.warn ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields)
  };
}

/** Renders fields as ` key=value`, quoting values with spaces so a line stays one line. */
export function formatFields(fields?: LogFields): string {
  if (!fields) return '';
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = String(value).replace(/\s+/g, ' ');
    out += ` ${key}=${/[\s"=]/.test(text) || text === '' ? JSON.stringify(text) : text}`;
  }
  return out;
}

/** The message of an unknown thrown value, for a log field. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
