/**
 * A response of newline-delimited JSON lines written as work goes on: how a long request (an
 * import) reports progress on the request itself, with no job table to keep and no polling. The
 * status is sent before the work ends, so a failure after the first line is the last line, in
 * the API's error shape: { type: 'error', error: { code, message } }.
 */
import { isRequestError } from '#server/RequestError';

const encoder = new TextEncoder();

export type NdjsonSend = (line: Record<string, unknown>) => void;

/** Streams what `run` sends, one JSON object a line, then ends; a thrown error becomes the last line. */
export function ndjsonResponse(run: (send: NdjsonSend) => Promise<void>): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: NdjsonSend = (line) => controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
      try {
        await run(send);
      } catch (e) {
        // The service logged what it did not expect; the caller learns only that it failed.
        if (isRequestError(e))
          send({ type: 'error', error: { code: e.code, message: e.message, ...e.details } });
        else send({ type: 'error', error: { code: 'internal', message: 'The request failed.' } });
      }
      controller.close();
    }
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      // A buffering proxy (nginx) would hold the progress lines back until the end.
      'x-accel-buffering': 'no'
    }
  });
}
