import { describe, expect, it } from 'vitest';
import { addMeasures, emptyMeasures } from './rollup.js';
import { flattenMeasures, MEASURE_FIELDS, measuresFromColumns, negateMeasures } from './measure-fields.js';

describe('measures as columns', () => {
  it('names every number once, in snake case, nested keys included', () => {
    const columns = MEASURE_FIELDS.map((f) => f.column);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).toContain('answer_wait_ms');
    expect(columns).toContain('answered_within_20');
    expect(columns).toContain('sentiment_very_negative');
    for (const c of columns) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('goes to columns and back unchanged, and a negation cancels the measures out', () => {
    const m = emptyMeasures();
    MEASURE_FIELDS.forEach((f, i) => f.set(m, i * 7 + 1));
    const back = measuresFromColumns(flattenMeasures(m));
    expect(back).toEqual(m);
    expect(addMeasures(m, negateMeasures(m))).toEqual(emptyMeasures());
    expect(measuresFromColumns({})).toEqual(emptyMeasures());
  });
});
