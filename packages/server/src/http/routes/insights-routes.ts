import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { InsightsService } from '../../services/insights.js';
import { mount } from '../mount.js';

/** Insights (SV9): reports, the live view and the staffing estimate, for supervisors and admins. */
export function insightsRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; insights: InsightsService }) {
  const { tokens, insights } = deps;
  mount(app, tokens, 'runReport', async ({ who, body }) => insights.report(who, body));
  mount(app, tokens, 'insightsLive', async ({ who }) => insights.live(who));
  mount(app, tokens, 'staffingEstimate', async ({ who, query }) => insights.staffing(who, query));
  mount(app, tokens, 'getReportSettings', async ({ who }) => insights.settings(who));
  mount(app, tokens, 'updateReportSettings', async ({ who, body }) => insights.updateSettings(who, body));
}
