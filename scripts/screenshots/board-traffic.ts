import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { junkReason } from '../../shared/junk/junk-rules';
import { matchingRules } from '../../shared/suggestions/keyword-rules';
import { seededRandom, shuffledIndices } from '../../shared/text/hash';
import type { CitizenMessage } from '../../simulator/citizen-message';
import { readLabelledCsvCorpus, type LabelledCorpusMessage } from '../../simulator/csv-corpus';
import type { CorpusMessage } from '../../simulator/fixtures/wechat-corpus';
import { citizenOn, JUNK_TEXTS, messageOn, pickChannel } from '../../simulator/traffic-mix';

/**
 * What citizens wrote, for the README's pictures: real message-board posts (../shared/data, read in
 * place, never copied) sent on the channels in the realistic mix, mostly Weibo. The labelled posts
 * carry the category the board filed them under, so the archive teaches the models what they would
 * have learnt at the centre, and today's queue is of the same kinds of matters.
 */
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const LABELLED_CSV = `${DATA}messages-labeled-dev.csv`;
const SEED = 20_240_601;

/** Where the centre routes a category's requests when no keyword names a more specific unit. */
const USUAL_UNIT: Record<string, string> = {
  城乡建设: 'city-housing',
  劳动和社会保障: 'city-human-resources',
  教育文体: 'city-education',
  商贸旅游: 'city-market-regulation',
  环境保护: 'city-ecology',
  卫生计生: 'city-health',
  交通运输: 'city-transport',
};

export interface ArchivedMessage {
  message: CitizenMessage;
  categoryId: string;
  unitId: string;
}

/**
 * `queued` posts for today's queue and `archived` ones handled before, each filed under the board's
 * category and routed to the unit the centre would choose; one post per citizen, so none joins another.
 */
export function boardTraffic(
  queued: number,
  archived: number,
  sentAt: Date,
): { queue: CitizenMessage[]; archive: ArchivedMessage[] } {
  const posts = pick(readLabelledCsvCorpus(LABELLED_CSV, '一级标签'), queued + archived, SEED);
  const archive = posts.slice(queued).map(({ message, label }) => {
    const citizenMessage = onTheirChannel(message, sentAt);
    const rule = matchingRules(citizenMessage.text).find((r) => r.categoryId === label && r.unitId !== null);
    const unitId = rule?.unitId ?? USUAL_UNIT[label];
    if (!unitId) throw new Error(`${LABELLED_CSV}: no unit for the category ${label}`);
    return { message: citizenMessage, categoryId: label, unitId };
  });
  return { queue: posts.slice(0, queued).map(({ message }) => onTheirChannel(message, sentAt)), archive };
}

/** What spammers sent: intake files it under junk by itself, and the junk model learns from it. */
export function junkMessages(sentAt: Date): CitizenMessage[] {
  return JUNK_TEXTS.map((text, i) => ({
    channel: 'weibo',
    citizen: citizenOn('weibo', `junk-${i}`),
    kind: 'text',
    text,
    sentAt,
  }));
}

/** A shuffled sample, one post per citizen, none that intake would take for junk. */
function pick(posts: readonly LabelledCorpusMessage[], count: number, seed: number): LabelledCorpusMessage[] {
  const seen = new Set<string>();
  const picked: LabelledCorpusMessage[] = [];
  for (const i of shuffledIndices(posts.length, seededRandom(seed))) {
    const post = posts[i]!;
    if (post.message.type !== 'text' || seen.has(post.message.openid)) continue;
    if (junkReason({ kind: 'text', event: null, text: post.message.content, attachments: [] }) !== null) continue;
    seen.add(post.message.openid);
    picked.push(post);
    if (picked.length === count) return picked;
  }
  throw new Error(`only ${picked.length} usable posts, ${count} wanted`);
}

/** Each citizen keeps to one channel, so their earlier requests show as theirs. */
function onTheirChannel(message: CorpusMessage, sentAt: Date): CitizenMessage {
  const roll = createHash('sha256').update(message.openid).digest().readUInt32BE(0) / 2 ** 32;
  return messageOn(
    pickChannel('mix', () => roll),
    message,
    sentAt,
  );
}
