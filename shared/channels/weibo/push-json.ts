/** The body is not a Weibo JSON push. The message never quotes citizen text. */
export class WeiboJsonError extends Error {
  override readonly name = 'WeiboJsonError';
}

/** Weibo ids are int64; these keys are quoted before JSON.parse so that no id is rounded to a double. */
const ID_NUMBERS = /("(?:sender_id|receiver_id|vfid|tovfid)"\s*:\s*)(-?\d+)(?=\s*[,}])/g;

/**
 * Parses a push body, keeping every id exact. Quotes inside JSON strings are escaped, so the
 * pattern only ever meets real keys; JSON.parse then judges the document as a whole.
 */
export function parseWeiboJson(body: string): unknown {
  if (body.trimStart().startsWith('<')) throw new WeiboJsonError('body is XML: set the push format to JSON');
  try {
    return JSON.parse(body.replace(ID_NUMBERS, '$1"$2"'));
  } catch {
    throw new WeiboJsonError('malformed JSON');
  }
}
