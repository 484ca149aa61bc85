import { describe, expect, it } from 'vitest';
import { evaluateRankings, expectedCalibrationError, percentile, triageKeyPresses } from '../../shared/text/metrics';
import { stratifiedFolds } from '../../shared/text/folds';

describe('text metrics', () => {
  it('scores rankings: accuracy, top-3, macro-F1, confusion and key presses', () => {
    const truth = ['a', 'a', 'b', 'c'];
    const ranked = [
      ['a', 'b', 'c'],
      ['b', 'a', 'c'],
      ['b', 'a', 'c'],
      ['a', 'b', 'c'],
    ];
    const r = evaluateRankings(truth, ranked, ['a', 'b', 'c']);
    expect(r.accuracy).toBe(0.5);
    expect(r.top3).toBe(1);
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(r.perClass[0]).toMatchObject({ label: 'a', precision: 0.5, recall: 0.5, support: 2 });
    expect(r.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 10);
    expect(r.keyPressesPerRequest).toBe((1 + 2 + 1 + 2) / 4);
    expect(r.enterAlone).toBe(0.5);
    expect(triageKeyPresses(Infinity, true)).toBe(2);
  });

  it('counts a right top-1 that is not pre-filled as a digit and Enter', () => {
    const r = evaluateRankings(['a', 'a'], [['a'], ['a']], ['a'], [true, false]);
    expect(r.accuracy).toBe(1);
    expect(r.keyPressesPerRequest).toBe(1.5);
    expect(r.enterAlone).toBe(0.5);
  });

  it('computes percentiles and calibration error', () => {
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(expectedCalibrationError([0.95, 0.95], [true, true])).toBeCloseTo(0.05, 10);
  });

  it('assigns stratified folds of near-equal size', () => {
    const labels = [...'aaaaaabbbbcc'];
    const folds = stratifiedFolds(labels, 3);
    const sizes = [0, 1, 2].map((f) => folds.filter((x) => x === f).length);
    expect(sizes).toEqual([4, 4, 4]);
    expect(stratifiedFolds(labels, 3)).toEqual(folds);
    expect(() => stratifiedFolds(labels, 1)).toThrow();
  });
});
