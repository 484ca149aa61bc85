/**
 * The surge radar's statistics (docs/reports.md): is this period's count of a category or a cluster of
 * near-duplicate messages higher than its trailing baseline makes likely by chance?
 *
 * Exact conditional test for two Poisson counts: with x this period and b in the baseline, and exposures e
 * (this period) and f (the baseline), under "same rate" x given x + b is Binomial(x + b, e / (e + f)). The
 * p-value is that binomial's upper tail P(X ≥ x). Conditioning on the total means the baseline's own noise
 * is accounted for, which a plain Poisson test against the baseline mean would ignore. The p-values of all
 * the counts tested in a period are then held to a false discovery rate by Benjamini–Hochberg.
 */

/** ln Γ(z) for z > 0 (Lanczos, g = 7, n = 9): accurate to ~15 digits, enough for tail sums. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const x = z - 1;
  let sum = c[0]!;
  for (let i = 1; i < g + 2; i++) sum += c[i]! / (x + i);
  const t = x + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBinomialTerm(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * P(X ≥ x) for X ~ Binomial(n, p), summed from the side where the terms fall away fast: above the mode the
 * upper terms shrink geometrically; at or below it the lower tail is summed and taken from 1.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const sumFrom = (start: number, step: 1 | -1, stop: number) => {
    let total = 0;
    for (let k = start; step === 1 ? k <= stop : k >= stop; k += step) {
      const term = Math.exp(logBinomialTerm(k, n, p));
      total += term;
      if (term < total * 1e-17) break;
    }
    return total;
  };
  const mode = Math.floor((n + 1) * p);
  if (x > mode) return Math.min(1, sumFrom(x, 1, n));
  return Math.max(0, 1 - sumFrom(x - 1, -1, 0));
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input's order: a count is flagged when its
 * adjusted value is at or below the chosen false discovery rate.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}

/** What the radar calls a surge (docs/reports.md says why these numbers). */
export const SURGE_RULE = {
  /** False discovery rate across everything tested in one period. */
  falseDiscoveryRate: 0.01,
  /** Fewer than this many this period is never a surge, however quiet the baseline was. */
  minCount: 8,
  /** This period's rate must be at least this multiple of the baseline's: small rises in big counts are not news. */
  minRatio: 1.5,
  /** Trailing periods the baseline is made of. */
  baselinePeriods: 8,
} as const;

export interface SurgeCandidate {
  /** This period's count. */
  count: number;
  /** The baseline's count over all its periods. */
  baseline: number;
  /** This period's exposure (days, or messages sampled) and the baseline's, in the same unit. */
  exposure: number;
  baselineExposure: number;
}

export interface SurgeVerdict {
  /** The baseline's count scaled to this period's exposure. */
  expected: number;
  /** count ÷ expected; null when the baseline had none. */
  ratio: number | null;
  pValue: number;
  adjustedP: number;
  surge: boolean;
}

/** Tests every candidate of a period together and says which are surges. */
export function judgeSurges(candidates: readonly SurgeCandidate[]): SurgeVerdict[] {
  const pValues = candidates.map((c) =>
    binomialUpperTail(c.count, c.count + c.baseline, c.exposure / (c.exposure + c.baselineExposure)),
  );
  const adjusted = benjaminiHochberg(pValues);
  return candidates.map((c, i) => {
    const expected = (c.baseline * c.exposure) / c.baselineExposure;
    const ratio = expected === 0 ? null : c.count / expected;
    return {
      expected,
      ratio,
      pValue: pValues[i]!,
      adjustedP: adjusted[i]!,
      surge:
        c.count >= SURGE_RULE.minCount &&
        (ratio === null || ratio >= SURGE_RULE.minRatio) &&
        adjusted[i]! <= SURGE_RULE.falseDiscoveryRate,
    };
  });
}
