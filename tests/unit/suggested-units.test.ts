import { describe, expect, it } from 'vitest';
import { suggestedFirst } from '../../renderer/src/pickers/suggested-units';
import { seededDirectory } from '../support/seeded-workstation';

const units = seededDirectory().units;
const byId = new Map(units.map((u) => [u.id, u]));
const ranked = [
  { id: 'city-housing', confidence: 0.41 },
  { id: 'city-urban-management', confidence: 0.3 },
  { id: 'city-ecology', confidence: 0.1 },
];

describe('the unit picker before anything is typed', () => {
  it("lists the suggestion's other guesses first, without the unit Enter would already transfer to", () => {
    const listed = suggestedFirst(units, ranked, 'city-housing', byId);
    expect(listed.slice(0, 2)).toEqual([
      { unit: byId.get('city-urban-management'), confidence: 0.3 },
      { unit: byId.get('city-ecology'), confidence: 0.1 },
    ]);
    expect(listed[2]).toEqual({ unit: units[0] });
    expect(listed).toHaveLength(units.length);
    expect(new Set(listed.map((c) => c.unit.id)).size).toBe(units.length);
  });

  it('puts the best guess first when it was too unsure to pre-fill', () => {
    expect(suggestedFirst(units, ranked, null, byId)[0]?.unit.id).toBe('city-housing');
  });
});
