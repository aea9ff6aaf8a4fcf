import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { JourneyService } from '../../services/journey.js';
import type { ResumeLinks } from '../../services/resume-links.js';
import { mount } from '../mount.js';

/** CH1: the widget's JavaScript API on the server: the journey, and a chat carried to another site. */
export function journeyRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; journey: JourneyService; resume: ResumeLinks },
) {
  const { tokens, journey, resume } = deps;
  mount(app, tokens, 'visitorJourney', async ({ who, body }) => journey.record(who, body.actions));
  mount(app, tokens, 'visitorResumeLink', async ({ who }) => resume.issue(who));
  mount(app, tokens, 'resumeChat', async ({ params, body }) => resume.exchange(params.widgetId, body.token));
  mount(app, tokens, 'conversationJourney', async ({ who, params }) => journey.list(who, params.id));
}
