import type { GeoLocator } from './geo.js';
import { browserAndOs } from './ua.js';

/** What the agent's summary shows under "visitor details" (AG6), stored in conversations.visitor. */
export type VisitorDetails = {
  browser: string | null;
  os: string | null;
  country: string | null;
  city: string | null;
  language: string;
};

/** The widget's request as the server saw it: its User-Agent, the client's address, the widget's locale. */
export type VisitorRequest = { userAgent: string | undefined; ip: string | undefined; locale: string };

export function visitorDetails(req: VisitorRequest, geo: GeoLocator): VisitorDetails {
  const place = geo.locate(req.ip);
  return {
    ...browserAndOs(req.userAgent),
    country: place?.country ?? null,
    city: place?.city ?? null,
    language: req.locale,
  };
}
