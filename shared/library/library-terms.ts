/**
 * How the library is indexed and searched, the same on the server (SQLite FTS5, PostgreSQL tsvector) and in the
 * workstation cache (FTS5): Chinese has no spaces, so a text is indexed as its character pairs (路灯坏了 →
 * 路灯 灯坏 坏了), written out with spaces so any word tokenizer (FTS5's unicode61, PostgreSQL's `simple`
 * parser) takes each pair as one token. A typed word is all of its pairs; a single character is a prefix.
 */

const WORD = /[\p{L}\p{N}]/u;
/** Enough for a long answer or passage; a longer text's tail adds little to finding it. */
const MAX_INDEXED_PAIRS = 600;
/** How many of a request's pairs ask the index for candidates: enough to find, few enough to stay fast. */
const QUERY_PAIRS = 24;

/**
 * Pairs every citizen writes whatever the matter (greetings, complaint words): they would make any two
 * messages look alike, so they neither ask the index nor count towards relevance.
 */
const COMMON_PAIRS: ReadonlySet<string> = new Set(
  (
    '您好 你好 请问 反映 问题 希望 领导 市长 书记 谢谢 感谢 我们 你们 他们 这个 那个 没有 一个 什么 怎么 现在 已经 ' +
    '目前 情况 相关 部门 政府 解决 处理 要求 能否 是否 可以 如何 为什么 因为 所以 但是 而且 以及 进行 工作 关于 ' +
    '自己 这样 还是 就是 不是 一直 时候 非常 严重 请求 尽快 帮助 重视 市民 群众 老百姓 百姓 问政 留言 答复 回复'
  )
    .split(' ')
    .flatMap((word) => pairsOfRun(Array.from(word))),
);

/** The text's runs of letters and digits, lower case, as arrays of characters. */
function runs(text: string): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  for (const ch of text.toLowerCase()) {
    if (WORD.test(ch)) run.push(ch);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

function pairsOfRun(run: readonly string[]): string[] {
  if (run.length === 1) return [run[0]!];
  return run.slice(0, -1).map((ch, i) => ch + run[i + 1]!);
}

/** The distinct character pairs of a text, in order of first appearance (a lone character stands for itself). */
export function characterPairs(text: string): string[] {
  return [...new Set(runs(text).flatMap(pairsOfRun))];
}

/** What the index holds for a text: its pairs, spaced, capped. */
export function indexedTerms(...texts: (string | null)[]): string {
  return [...new Set(texts.flatMap((text) => (text ? characterPairs(text) : [])))]
    .slice(0, MAX_INDEXED_PAIRS)
    .join(' ');
}

/** The pairs that tell one matter from another: the common ones left out. */
export function telling(text: string): string[] {
  return characterPairs(text).filter((pair) => pair.length === 2 && !COMMON_PAIRS.has(pair));
}

/** Up to QUERY_PAIRS telling pairs spread evenly over a request's text, to ask the index for candidates. */
export function queryPairs(text: string): string[] {
  const pairs = telling(text);
  if (pairs.length <= QUERY_PAIRS) return pairs;
  return Array.from({ length: QUERY_PAIRS }, (_, i) => pairs[Math.floor((i * pairs.length) / QUERY_PAIRS)]!);
}

/**
 * A typed query as the index reads it: each word (split on spaces) a group of pairs that must all be there;
 * a word of one character is a prefix. Words without letters or digits are dropped.
 */
export interface TypedWord {
  pairs: string[];
  prefix: string | null;
}

export function typedWords(query: string): TypedWord[] {
  return query
    .split(/\s+/)
    .flatMap((word) => runs(word))
    .map((run) => (run.length === 1 ? { pairs: [], prefix: run[0]! } : { pairs: pairsOfRun(run), prefix: null }));
}

/** FTS5 (server SQLite and the workstation cache): any of a request's pairs, for candidates ranked by bm25. */
export function anyPairFts5(pairs: readonly string[]): string {
  return pairs.map(quoted).join(' OR ');
}

/** FTS5: every typed word, each all of its pairs, a lone character as a prefix. */
export function typedFts5(words: readonly TypedWord[]): string {
  return words
    .map((word) => (word.prefix ? `${quoted(word.prefix)}*` : word.pairs.map(quoted).join(' AND ')))
    .join(' AND ');
}

/** PostgreSQL to_tsquery('simple', …): the same two queries. Pairs are letters and digits only, so need no quoting. */
export function anyPairTsquery(pairs: readonly string[]): string {
  return pairs.join(' | ');
}

export function typedTsquery(words: readonly TypedWord[]): string {
  return words.map((word) => (word.prefix ? `${word.prefix}:*` : word.pairs.join(' & '))).join(' & ');
}

function quoted(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
