import { create } from 'zustand';
import type { TimelineEntry, TimelineStorePort } from './timeline-sync';

type TimelinesState = { entries: Record<string, TimelineEntry> };

export const useTimelines = create<TimelinesState>(() => ({ entries: {} }));

export const timelinesPort: TimelineStorePort = {
  get: (id) => useTimelines.getState().entries[id],
  set: (id, entry) => useTimelines.setState((s) => ({ entries: { ...s.entries, [id]: entry } })),
  remove: (id) =>
    useTimelines.setState((s) => {
      const { [id]: _gone, ...rest } = s.entries;
      return { entries: rest };
    }),
  ids: () => Object.keys(useTimelines.getState().entries),
};

export const resetTimelines = () => useTimelines.setState({ entries: {} });
