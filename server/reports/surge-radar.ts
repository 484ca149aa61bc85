import { sql } from 'kysely';
import { dayNumberOf } from '../../shared/deadline/beijing-time';
import { Channel } from '../../shared/model';
import { daysOf, type PeriodDates, type PeriodKind } from '../../shared/reports/period';
import type { Surge, SurgeMark, Volume, WatchedSurge } from '../../shared/reports/period-report';
import { judgeSurges, type SurgeCandidate } from '../../shared/reports/surge-statistics';
import { periodInstants } from '../../shared/reports/summary';
import { FNV_OFFSET, fnvStep } from '../../shared/text/hash';
import { NearDuplicateIndex } from '../../shared/text/near-duplicates';
import { normalizeText } from '../../shared/text/normalize';
import type { Db } from '../db/open-database';
import { requestsReceivedIn } from './period-requests';
import type { SurgeMarksTable } from '../db/schema';
import { reportExcerpt } from './notable-cases';

/**
 * The surge radar (docs/reports.md): this period's categories and clusters of near-duplicate messages
 * against the trailing periods, tested together (shared/reports/surge-statistics.ts); each surge with its
 * messages and units, whether it was marked handled, and whether it is a handled surge come back.
 */

/** Messages read per side (this period, the baseline) for clustering; beyond it a uniform sample is read. */
const CLUSTER_SAMPLE = 4000;
/** Estimated Jaccard similarity at which two messages are the same complaint. */
const CLUSTER_SIMILARITY = 0.6;
/** Messages shown per surge. */
const SHOWN_MESSAGES = 5;
/** A handled surge is watched for this long after it was marked. */
const WATCH_DAYS = 91;
/** ULIDs end in a random base-32 character: taking k of the 32 reads a uniform sample of k/32 of the rows. */
const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface RadarInput {
  kind: PeriodKind;
  dates: PeriodDates;
  baseline: PeriodDates[];
  current: Volume;
  baselineVolumes: Volume[];
  categoryNames: Record<string, string>;
}

interface SampledMessage {
  id: string;
  number: string;
  channel: string;
  received_at: string;
  text: string;
  unit_id: string | null;
  unit_name: string | null;
}

interface Cluster {
  members: SampledMessage[];
  baseline: number;
}

export interface RadarResult {
  surges: Surge[];
  watched: WatchedSurge[];
  /** Each cluster surge's representative message as written, by key: what a mark keeps to recognise it. */
  representatives: Map<string, string>;
}

export async function surgeRadar(db: Db, input: RadarInput): Promise<RadarResult> {
  const { dates, baseline, current, baselineVolumes } = input;
  const baselineDays = baseline.reduce((days, period) => days + daysOf(period), 0);
  const categoryIds = new Set([
    ...Object.keys(current.byCategory),
    ...baselineVolumes.flatMap((v) => Object.keys(v.byCategory)),
  ]);
  const categories = [...categoryIds].sort().map((categoryId) => ({
    categoryId,
    count: current.byCategory[categoryId] ?? 0,
    baseline: baselineVolumes.reduce((n, v) => n + (v.byCategory[categoryId] ?? 0), 0),
  }));
  const baselineReceived = baselineVolumes.reduce((n, v) => n + v.received, 0);
  const { clusters, index, currentSampled, baselineSampled } = await findClusters(
    db,
    dates,
    baseline,
    current.received,
    baselineReceived,
  );

  const candidates: SurgeCandidate[] = [
    ...categories.map((c) => ({
      count: c.count,
      baseline: c.baseline,
      exposure: daysOf(dates),
      baselineExposure: baselineDays,
    })),
    ...clusters.map((c) => ({
      count: c.members.length,
      baseline: c.baseline,
      exposure: currentSampled,
      baselineExposure: Math.max(baselineSampled, 1),
    })),
  ];
  // With no baseline at all (a new centre) nothing can rise against it.
  const verdicts = baselineDays > 0 && baselineReceived > 0 ? judgeSurges(candidates) : candidates.map(() => null);

  const surges: Surge[] = [];
  for (const [i, category] of categories.entries()) {
    const verdict = verdicts[i];
    if (!verdict?.surge) continue;
    const { messages, units } = await categoryDetails(db, dates, category.categoryId);
    surges.push({
      key: `category:${category.categoryId}`,
      kind: 'category',
      label: input.categoryNames[category.categoryId] ?? category.categoryId,
      categoryId: category.categoryId,
      count: category.count,
      ...statistics(verdict),
      messages,
      units,
      handled: null,
      recurrence: false,
    });
  }
  const flaggedClusters = new Map<Cluster, Surge>();
  const representatives = new Map<string, string>();
  for (const [j, cluster] of clusters.entries()) {
    const verdict = verdicts[categories.length + j];
    if (!verdict?.surge) continue;
    const representative = cluster.members[0]!;
    const surge: Surge = {
      key: `cluster:${textHash(representative.text)}`,
      kind: 'cluster',
      label: reportExcerpt(representative.text),
      categoryId: null,
      count: cluster.members.length,
      ...statistics(verdict),
      messages: cluster.members.slice(0, SHOWN_MESSAGES).map(shownMessage),
      units: unitsOf(cluster.members),
      handled: null,
      recurrence: false,
    };
    flaggedClusters.set(cluster, surge);
    representatives.set(surge.key, representative.text);
    surges.push(surge);
  }

  const clusterOf = new Map<string, Cluster>();
  for (const cluster of flaggedClusters.keys()) for (const m of cluster.members) clusterOf.set(m.id, cluster);
  /** The flagged surge a mark names, if it surged again this period. */
  const matching = (mark: SurgeMarksTable): Surge | undefined => {
    if (mark.kind === 'category') return surges.find((s) => s.kind === 'category' && s.categoryId === mark.category_id);
    for (const match of index.query(mark.sample_text ?? '')) {
      const cluster = clusterOf.get(match.id);
      if (cluster) return flaggedClusters.get(cluster);
    }
    return undefined;
  };

  const watched: WatchedSurge[] = [];
  const { start } = periodInstants(dates);
  const watchFrom = new Date(Date.parse(start) - WATCH_DAYS * 86_400_000).toISOString();
  const marks = await db
    .selectFrom('surge_marks')
    .selectAll()
    .where('handled_at', '>=', watchFrom)
    .orderBy('handled_at')
    .execute();
  for (const mark of marks) {
    const shown: SurgeMark = { handledAt: mark.handled_at, handledBy: mark.handled_by_name, note: mark.note };
    if (mark.period_kind === input.kind && mark.period_from === dates.from) {
      const surge = surges.find((s) => s.key === mark.surge_key);
      if (surge) surge.handled = shown;
    } else if (dayNumberOf(mark.period_to) < dayNumberOf(dates.from)) {
      const back = matching(mark);
      if (back) back.recurrence = true;
      watched.push({
        kind: mark.kind,
        label: mark.label,
        foundIn: { period: mark.period_kind as PeriodKind, from: mark.period_from, to: mark.period_to },
        mark: shown,
        cameBack: back !== undefined,
      });
    }
  }
  surges.sort((a, b) => a.adjustedP - b.adjustedP || b.count - a.count);
  return { surges, watched, representatives };
}

function statistics(verdict: { expected: number; ratio: number | null; pValue: number; adjustedP: number }) {
  return {
    expected: verdict.expected,
    ratio: verdict.ratio,
    pValue: verdict.pValue,
    adjustedP: Math.min(1, verdict.adjustedP),
  };
}

function shownMessage(m: SampledMessage): Surge['messages'][number] {
  return {
    number: m.number,
    receivedAt: m.received_at,
    channel: Channel.parse(m.channel),
    text: reportExcerpt(m.text),
  };
}

function unitsOf(members: readonly { unit_id: string | null; unit_name: string | null }[]): Surge['units'] {
  const counts = new Map<string, { unitId: string; unitName: string; count: number }>();
  for (const m of members) {
    if (m.unit_id === null) continue;
    const entry = counts.get(m.unit_id) ?? { unitId: m.unit_id, unitName: m.unit_name ?? m.unit_id, count: 0 };
    entry.count++;
    counts.set(m.unit_id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh'));
}

/** A stable name for a cluster: its representative message, normalised and hashed. */
function textHash(text: string): string {
  let hash = FNV_OFFSET;
  for (const char of normalizeText(text)) hash = fnvStep(hash, char.codePointAt(0)!);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A category surge's first messages of the period and the units its requests went to. */
async function categoryDetails(db: Db, dates: PeriodDates, categoryId: string) {
  const inCategory = requestsReceivedIn(db, dates)
    .where('r.status', 'not in', ['junk', 'merged'])
    .where('r.category_id', '=', categoryId);
  const [messages, units] = await Promise.all([
    inCategory
      .select(['r.id', 'r.number', 'r.channel', 'r.received_at', 'r.text'])
      .orderBy('r.received_at')
      .limit(SHOWN_MESSAGES)
      .execute(),
    inCategory
      .where('r.unit_id', 'is not', null)
      .select(['r.unit_id', 'u.name as unit_name', sql<number>`count(*)`.as('n')])
      .groupBy(['r.unit_id', 'u.name'])
      .execute(),
  ]);
  return {
    messages: messages.map((m) => shownMessage({ ...m, unit_id: null, unit_name: null })),
    units: units
      .map((u) => ({ unitId: u.unit_id!, unitName: u.unit_name ?? u.unit_id!, count: Number(u.n) }))
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh')),
  };
}

/**
 * Clusters of near-duplicate messages this period (MinHash, shared/text/near-duplicates.ts), joined
 * transitively, and how many of the baseline's messages fall into each. Both sides are read whole up to
 * CLUSTER_SAMPLE messages and sampled beyond; the test then compares shares of the messages read.
 */
async function findClusters(
  db: Db,
  dates: PeriodDates,
  baseline: PeriodDates[],
  currentReceived: number,
  baselineReceived: number,
) {
  const index = new NearDuplicateIndex({ threshold: CLUSTER_SIMILARITY });
  const current = await sampledMessages(db, dates, currentReceived);
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const message of current) {
    parent.set(message.id, message.id);
    for (const match of index.query(message.text)) parent.set(root(match.id), root(message.id));
    index.add(message.id, message.text);
  }
  const byRoot = new Map<string, Cluster>();
  for (const message of current) {
    if (!parent.has(message.id)) continue;
    const r = root(message.id);
    const cluster = byRoot.get(r) ?? { members: [], baseline: 0 };
    cluster.members.push(message);
    byRoot.set(r, cluster);
  }
  const clusters = [...byRoot.values()].filter((c) => c.members.length >= 2);
  const clusterOf = new Map<string, Cluster>();
  for (const cluster of clusters) for (const m of cluster.members) clusterOf.set(m.id, cluster);

  let baselineSampled = 0;
  if (baseline.length > 0 && clusters.length > 0) {
    const span = { from: baseline[0]!.from, to: baseline.at(-1)!.to };
    for (const message of await sampledMessages(db, span, baselineReceived)) {
      baselineSampled++;
      const match = index.query(message.text).find((m) => clusterOf.has(m.id));
      if (match) clusterOf.get(match.id)!.baseline++;
    }
  }
  return { clusters, index, currentSampled: Math.max(current.length, 1), baselineSampled };
}

/** The period's messages (first in each request), all of them or a uniform sample of about CLUSTER_SAMPLE. */
async function sampledMessages(db: Db, dates: PeriodDates, received: number): Promise<SampledMessage[]> {
  const share = Math.min(
    ULID_ALPHABET.length,
    Math.ceil((ULID_ALPHABET.length * CLUSTER_SAMPLE) / Math.max(received, 1)),
  );
  let query = requestsReceivedIn(db, dates)
    .where('r.status', 'not in', ['junk', 'merged'])
    .select(['r.id', 'r.number', 'r.channel', 'r.received_at', 'r.text', 'r.unit_id', 'u.name as unit_name'])
    .orderBy('r.received_at');
  if (share < ULID_ALPHABET.length)
    query = query.where(sql<string>`substr(r.id, 26, 1)`, 'in', Array.from(ULID_ALPHABET.slice(0, share)));
  return query.execute();
}
