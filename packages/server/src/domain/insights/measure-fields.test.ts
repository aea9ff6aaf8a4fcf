import { describe, expect, it } from 'vitest';
import { addMeasures, emptyMeasures } from './rollup.js';
import fc from 'fast-check';
import { columnsFor, flattenMeasures, MEASURE_FIELDS, measuresFromColumns, negateMeasures } from './measure-fields.js';
import { KPIS } from './kpis.js';

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

describe('the columns a KPI needs', () => {
  it('are those it reads', () => {
    expect(columnsFor([KPIS.averageSpeedOfAnswer!.of])).toEqual(['answered', 'answer_wait_ms']);
    expect(columnsFor([KPIS.serviceLevel20!.of])).toEqual(['answered', 'answered_within_20']);
    expect(columnsFor([KPIS.sentimentAverage!.of])).toHaveLength(7);
  });

  it('give every KPI the same value as all the columns do', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000 }), { minLength: MEASURE_FIELDS.length, maxLength: MEASURE_FIELDS.length }),
        (values) => {
          const full = emptyMeasures();
          MEASURE_FIELDS.forEach((f, i) => f.set(full, values[i]!));
          for (const [name, kpi] of Object.entries(KPIS)) {
            const needed = new Set(columnsFor([kpi.of]));
            const only = measuresFromColumns(
              Object.fromEntries(Object.entries(flattenMeasures(full)).filter(([c]) => needed.has(c))),
            );
            expect(kpi.of(only), name).toBe(kpi.of(full));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
