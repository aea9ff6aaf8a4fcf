import { emptyMeasures, type Measures } from './rollup.js';

/**
 * A rollup's measures as flat named numbers (SV9), the way the store keeps them: one column each,
 * so a report adds cells up in the database (`sum(column)`) and reads back only the groups' sums.
 * Nested counts (service level thresholds, sentiment levels) get one field per key.
 */
export type MeasureField = {
  /** The column's name, snake case: `answer_wait_ms`, `answered_within_20`, `sentiment_very_negative`. */
  column: string;
  get(m: Measures): number;
  set(m: Measures, value: number): void;
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');

function fieldsOf(): MeasureField[] {
  const shape = emptyMeasures();
  const fields: MeasureField[] = [];
  for (const name of Object.keys(shape) as (keyof Measures)[]) {
    const value = shape[name];
    if (typeof value === 'number') {
      fields.push({
        column: snake(name),
        get: (m) => m[name] as number,
        set: (m, v) => void ((m[name] as number) = v),
      });
      continue;
    }
    for (const key of Object.keys(value))
      fields.push({
        column: `${snake(name)}_${snake(key)}`,
        get: (m) => (m[name] as Record<string, number>)[key]!,
        set: (m, v) => void ((m[name] as Record<string, number>)[key] = v),
      });
  }
  return fields;
}

export const MEASURE_FIELDS: readonly MeasureField[] = fieldsOf();

export function flattenMeasures(m: Measures): Record<string, number> {
  return Object.fromEntries(MEASURE_FIELDS.map((f) => [f.column, f.get(m)]));
}

/** Back from columns; a missing or null column (a group with no cells) reads as 0. */
export function measuresFromColumns(row: Record<string, unknown>): Measures {
  const m = emptyMeasures();
  for (const f of MEASURE_FIELDS) f.set(m, Number(row[f.column] ?? 0));
  return m;
}

/** -m: what a re-fold takes away before it adds a conversation's new facts. */
export function negateMeasures(m: Measures): Measures {
  const out = emptyMeasures();
  for (const f of MEASURE_FIELDS) f.set(out, -f.get(m));
  return out;
}

/** `into` += `m`, field by field, in place: folding many cells without a new object per addition. */
export function addInto(into: Measures, m: Measures): Measures {
  for (const f of MEASURE_FIELDS) f.set(into, f.get(into) + f.get(m));
  return into;
}

/** The columns `of` reads, found by running it on measures that record each read. */
function columnsRead(of: (m: Measures) => unknown): Set<string> {
  const read = new Set<string>();
  // Twice, all zeros and all ones, so a read behind a test of another measure is seen either way.
  for (const value of [0, 1]) {
    const m = emptyMeasures();
    for (const f of MEASURE_FIELDS) f.set(m, value);
    const watched = new Proxy(m, {
      get(target, name: string) {
        const held = target[name as keyof Measures];
        if (typeof held === 'number') {
          read.add(snake(name));
          return held;
        }
        return new Proxy(held, {
          get: (inner, key: string) => (read.add(`${snake(name)}_${snake(key)}`), inner[key as keyof typeof inner]),
        });
      },
    });
    of(watched);
  }
  return read;
}

/**
 * The columns a set of KPIs needs, in the store's order: a report adds up only those, a few of the
 * rollups' dozens, which is most of its time on a large range.
 */
export function columnsFor(kpis: readonly ((m: Measures) => unknown)[]): string[] {
  const read = new Set<string>();
  for (const of of kpis) for (const c of columnsRead(of)) read.add(c);
  return MEASURE_FIELDS.map((f) => f.column).filter((c) => read.has(c));
}
