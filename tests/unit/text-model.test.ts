import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { deserializeModel, serializeModel, trainTextModel, type TrainingExample } from '../../shared/text';

const rows = parse(readFileSync(new URL('../fixtures/text/toy-requests.csv', import.meta.url), 'utf8'), {
  columns: true,
}) as Record<string, string>[];
const examples: TrainingExample[] = rows.map((r) => ({ text: [r['主题']!, r['详情']!], label: r['类别']! }));
const model = trainTextModel(examples);
const labels = [...new Set(examples.map((e) => e.label))].sort();

function expectRanking(text: string | string[]): void {
  const ranking = model.predict(text);
  expect(ranking.map((r) => r.label).sort()).toEqual(labels);
  for (const r of ranking) expect(Number.isFinite(r.confidence)).toBe(true);
  expect(ranking.reduce((sum, r) => sum + r.confidence, 0)).toBeCloseTo(1, 6);
  for (let i = 1; i < ranking.length; i++)
    expect(ranking[i - 1]!.confidence).toBeGreaterThanOrEqual(ranking[i]!.confidence);
}

describe('text model', () => {
  it('learns a separable toy set and ranks every label', () => {
    for (const e of examples) expect(model.predict(e.text)[0]!.label).toBe(e.label);
    expect(model.predict(['路灯坏了', '路灯晚上不亮，请维修'])[0]!.label).toBe('城乡建设');
    expect(model.predict(['讨薪', '老板拖欠工资不发'])[0]!.label).toBe('劳动和社会保障');
    expect(model.predict('化工厂排放污水，河水发臭')[0]!.label).toBe('环境保护');
    expectRanking(['学校补课收费', '老师要求有偿补课']);
  });

  it('handles empty, very long, emoji, traditional, English and number-only text', () => {
    for (const text of [
      '',
      '   \n\t ',
      '路灯'.repeat(100_000),
      '😡😡 路灯坏了 🚧',
      '學校亂收費，老師有償補課',
      'The street light is broken',
      '13800138000 2019/2/1 94256',
    ]) {
      expectRanking(text);
    }
    expectRanking([]);
    expectRanking(['', '']);
    // Traditional forms are not converted; the characters both scripts share (校, 收, 老, 有) still decide.
    expect(model.predict('學校亂收費，老師有償補課')[0]!.label).toBe('教育文体');
  });

  it('is deterministic: same data, same model, same predictions', () => {
    const again = trainTextModel(examples);
    expect(JSON.stringify(serializeModel(again))).toBe(JSON.stringify(serializeModel(model)));
    expect(again.predict('小区积水')).toEqual(model.predict('小区积水'));
  });

  it('round-trips through JSON exactly', () => {
    const saved = serializeModel(model);
    const loaded = deserializeModel(JSON.parse(JSON.stringify(saved)));
    expect(serializeModel(loaded)).toEqual(saved);
    const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(loaded.parts.weights).equals(bytes(model.parts.weights))).toBe(true);
    expect(bytes(loaded.parts.idf).equals(bytes(model.parts.idf))).toBe(true);
    expect(bytes(loaded.parts.steps).equals(bytes(model.parts.steps))).toBe(true);
    expect(loaded.parts.temperature).toBe(model.parts.temperature);
    for (const e of examples) expect(loaded.predict(e.text)).toEqual(model.predict(e.text));
  });

  it('rejects no examples, a foreign model and damaged model data', () => {
    expect(() => trainTextModel([])).toThrow(/no examples/);
    expect(() => deserializeModel({ ...serializeModel(model), format: 'other' } as never)).toThrow(/not a/);
    const saved = serializeModel(model);
    expect(() => deserializeModel({ ...saved, data: saved.data.slice(0, saved.data.length / 2) })).toThrow(
      /damaged|cut short/,
    );
    expect(() => deserializeModel({ ...saved, steps: saved.steps.slice(1) })).toThrow(/disagree/);
  });

  it('stores whole int8 steps per label, most of them zero, centred per feature', () => {
    const { weights, steps, labels: held } = model.parts;
    let stored = 0;
    let notWhole = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] === 0) continue;
      stored++;
      const whole = weights[i]! / steps[i % held.length]!;
      if (Math.abs(Math.round(whole)) > 127 || Math.abs(whole - Math.round(whole)) > 1e-4) notWhole++;
    }
    expect(notWhole).toBe(0);
    // Only the seen dimensions can carry weights, and centring leaves a feature's non-speaking labels at zero.
    const seen = model.parts.idf.filter((v) => v !== 0).length;
    expect(stored).toBeLessThan(seen * held.length);
  });

  it('trains on a single label', () => {
    const one = trainTextModel([{ text: '路灯坏了', label: 'x' }]);
    expect(one.predict('anything')).toEqual([{ label: 'x', confidence: 1 }]);
  });
});
