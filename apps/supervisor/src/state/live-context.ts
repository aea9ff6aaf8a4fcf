import { createContext, useContext } from 'react';
import type { LiveFeed } from './live-feed';

export const LiveContext = createContext<LiveFeed | null>(null);

/** The signed-in supervisor's live feed; none in tests that do not need one. */
export const useLive = () => useContext(LiveContext);
