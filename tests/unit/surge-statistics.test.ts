import { describe, expect, it } from 'vitest';
import { periodContaining, periodsBefore } from '../../shared/reports/period';
import { benjaminiHochberg, binomialUpperTail, judgeSurges } from '../../shared/reports/surge-statistics';

describe('the surge radar statistics', () => {
  it('sums binomial upper tails exactly (checked against the sums in rational arithmetic)', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0.3)).toBeCloseTo(0.6172172, 6);
    expect(binomialUpperTail(8, 10, 0.3)).toBeCloseTo(0.0015903864, 9);
    expect(binomialUpperTail(20, 36, 1 / 9) / 1.0080362815574925e-10).toBeCloseTo(1, 9);
    expect(binomialUpperTail(5200, 10000, 0.5) / 3.296757799336221e-5).toBeCloseTo(1, 9);
  });

  it('adjusts p-values by Benjamini–Hochberg in the input order', () => {
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.2])).toEqual(
      [0.04, 0.04 * (4 / 3), 0.04 * (4 / 3), 0.2].map((p) => expect.closeTo(p, 12)),
    );
  });

  it('flags a rise unlikely by chance, and neither a small count nor a small rise in a big one', () => {
    const week = { exposure: 7, baselineExposure: 56 };
    const [surge, few, steady, slightRise] = judgeSurges([
      { count: 20, baseline: 16, ...week },
      { count: 5, baseline: 0, ...week },
      { count: 100, baseline: 800, ...week },
      { count: 1300, baseline: 8000, ...week }, // 1.3× a big count: significant, but not news
    ]);
    expect(surge).toMatchObject({ expected: 2, ratio: 10, surge: true });
    expect(few!.surge).toBe(false);
    expect(steady).toMatchObject({ expected: 100, ratio: 1, surge: false });
    expect(slightRise!.pValue).toBeLessThan(1e-12);
    expect(slightRise!.surge).toBe(false);
  });
});

describe('report periods', () => {
  it('runs weeks Monday to Sunday and months by the calendar, across year ends', () => {
    expect(periodContaining('week', '2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodContaining('week', '2026-11-08')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodContaining('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodContaining('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodContaining('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodContaining('day', '2026-11-04')).toEqual({ from: '2026-11-04', to: '2026-11-04' });
    expect(periodsBefore('month', { from: '2026-02-01', to: '2026-02-28' }, 3)).toEqual([
      { from: '2025-11-01', to: '2025-11-30' },
      { from: '2025-12-01', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-01-31' },
    ]);
  });
});
