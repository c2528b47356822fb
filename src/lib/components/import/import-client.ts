/**
 * The import dialog's calls: the people an importer may match members to, the import itself
 * (gzip of the request, then the server's NDJSON progress lines, server/transfer/README.md), and
 * a Stageboard export posted to the export slice's route as it is.
 */
import { callApi, type ApiResult } from '$lib/api/api-call';
import type { ImportCounts, ImportCandidate, ImportLosses } from '$lib/transfer/import-plan';

export type ImportLine =
  | { type: 'plan'; counts: ImportCounts; losses: ImportLosses }
  | { type: 'progress'; phase: 'build' | 'save'; done: number; total: number }
  | { type: 'done'; id: string; title: string }
  | { type: 'error'; error: { code: string; message: string; detail?: Record<string, string | number> } };

/** A refusal, by code (import.problem.<code>), with what it names. */
export class ImportFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: Record<string, string | number> = {}
  ) {
    super(message);
  }
}

export function fetchCandidates(): Promise<ApiResult<ImportCandidate[]>> {
  return callApi('/api/boards/import', {}, (body) => (body as { people: ImportCandidate[] }).people);
}

async function gzip(value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The next frame, so a bar moved by a burst of lines draws each step once. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Sends an import and reports its lines as they come; resolves with the board, throws ImportFailure. */
export async function runImport(
  request: unknown,
  onLine: (line: ImportLine) => void
): Promise<{ id: string; title: string }> {
  let res: Response;
  try {
    // Sent with no type, the body did not reach the endpoint whole behind adapter-node (the
    // built server refused it as not gzip; curl's typed body passed): the type is said.
    const headers = { 'content-type': 'application/gzip' };
    res = await fetch('/api/boards/import', { method: 'POST', headers, body: await gzip(request) });
  } catch {
    throw new ImportFailure('network', 'No answer from the server.');
  }
  if (!res.ok || !res.body) {
    const error = ((await res.json().catch(() => null)) as { error?: ImportFailure } | null)?.error;
    throw new ImportFailure(error?.code ?? `http-${res.status}`, error?.message ?? '', error?.detail ?? {});
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as ImportLine;
      if (line.type === 'error')
        throw new ImportFailure(line.error.code, line.error.message, line.error.detail);
      onLine(line);
      if (line.type === 'done') return { id: line.id, title: line.title };
      if (line.type === 'progress') await frame();
    }
  }
  throw new ImportFailure('internal', 'The import ended without a board.');
}
