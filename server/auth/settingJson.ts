/**
 * How every AuthStore keeps a setting: as JSON text. The memory store uses it too, so both hand
 * out copies and refuse the same values (undefined, a function, a cycle).
 */

/** The value as JSON text; throws a TypeError when JSON cannot hold it. */
export function encodeSetting(key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `Setting "${key}" cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  if (json === undefined) throw new TypeError(`Setting "${key}" cannot be stored as JSON.`);
  return json;
}

/** The value read back, or undefined when the text no longer parses (a row damaged outside the app). */
export function decodeSetting(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
