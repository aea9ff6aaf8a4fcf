import type { ReportQuery } from '@switchboard/protocol';
import { create } from 'zustand';
import { browserTimeZone, defaultReportForm, type ReportForm } from '../lib/report-query';
import type { RangePreset } from '../lib/report-range';

export type StaffingForm = { preset: Exclude<RangePreset, 'custom'>; targetShare: number; targetSeconds: number };

type InsightsState = {
  form: ReportForm;
  /** The query last run: the report shown, kept while the supervisor looks at the ongoing list. */
  ran: ReportQuery | null;
  /** Counts the runs, so running the same query again asks the server again. */
  runs: number;
  staffing: StaffingForm;
  setForm(patch: Partial<ReportForm>): void;
  run(query: ReportQuery): void;
  setStaffing(patch: Partial<StaffingForm>): void;
};

const initial = () => ({
  form: defaultReportForm(Date.now(), browserTimeZone()),
  ran: null,
  runs: 0,
  staffing: { preset: 'last7', targetShare: 0.8, targetSeconds: 20 } satisfies StaffingForm,
});

/** The Insights page's choices (SV9), outside the page so switching tabs keeps them. */
export const useInsights = create<InsightsState>((set) => ({
  ...initial(),
  setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
  run: (query) => set((s) => ({ ran: query, runs: s.runs + 1 })),
  setStaffing: (patch) => set((s) => ({ staffing: { ...s.staffing, ...patch } })),
}));

/** Back to a fresh page, for the tests. */
export const resetInsights = () => useInsights.setState(initial());
