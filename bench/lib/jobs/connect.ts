/** Runs `fn` over 0…count-1 with at most `limit` at once; collects failures instead of throwing. */
export async function forEachLimited(
  count: number,
  limit: number,
  fn: (index: number) => Promise<void>
): Promise<{ failed: number; firstError?: string }> {
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      try {
        await fn(index);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return { failed, firstError };
}
