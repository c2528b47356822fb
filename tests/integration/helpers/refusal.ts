import { isRequestError } from '#server/RequestError';

/** The refusal (a RequestError) a promise ends in, as the API would answer it; anything else fails the test. */
export async function refusal(
  promise: Promise<unknown>
): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => new Error('expected the request to be refused'),
    (e: unknown) => e
  );
  if (!isRequestError(error)) throw error;
  return { status: error.status, code: error.code, message: error.message };
}
