/** A JSON object as WeChat answers, before its errcode is looked at. */
export type WechatAnswer = Readonly<Record<string, unknown>>;

/**
 * Parses a body that must be a JSON object.
 * @returns the object, or `undefined` for anything else (empty, HTML,
 * truncated JSON, an array, a string, `null`)
 */
export function parseAnswer(text: unknown): WechatAnswer | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const isObject =
    typeof value === 'object' && value !== null && !Array.isArray(value);
  return isObject ? (value as WechatAnswer) : undefined;
}

/**
 * The errcode of an answer: a number, `undefined` when the field is
 * missing, or `null` when it is there but not an integer (a string, say),
 * which no caller may read as success.
 */
export function readErrcode(answer: WechatAnswer): number | undefined | null {
  const errcode = answer.errcode;
  if (errcode === undefined) return undefined;
  return Number.isSafeInteger(errcode) ? (errcode as number) : null;
}

/** The errmsg of an answer, or `''`. */
export function readErrmsg(answer: WechatAnswer): string {
  return typeof answer.errmsg === 'string' ? answer.errmsg : '';
}
