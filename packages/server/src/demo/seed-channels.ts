import { and, eq } from 'drizzle-orm';
import type { ChannelService } from '../services/channels.js';
import type { Db } from '../store/db.js';
import { DEMO_SLUG, DEMO_SMS_WORKSTREAM } from '../store/seed-demo.js';
import { organizations, workstreams } from '../store/schema.js';
import { insertTemplate, listTemplates } from '../store/templates.js';
import { DEMO_SMS, DEMO_TEMPLATES, demoApiBaseUrl } from './sms-demo.js';

export async function demoOrgId(db: Db): Promise<string | null> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_SLUG));
  return org?.id ?? null;
}

/**
 * The demo organisation's SMS channels, pointing at this server's stand-ins (created through the
 * channel service, so their credentials are sealed like any admin's). On later starts their base
 * URL follows the address the server now has. Returns how many channels the demo has.
 */
export async function seedDemoChannels(db: Db, channels: ChannelService, publicUrl: string): Promise<number> {
  const orgId = await demoOrgId(db);
  if (!orgId) return 0;
  const [ws] = await db
    .select({ id: workstreams.id })
    .from(workstreams)
    .where(and(eq(workstreams.orgId, orgId), eq(workstreams.name, DEMO_SMS_WORKSTREAM)));
  if (!ws) return 0;
  const existing = await channels.list(orgId);
  for (const demo of DEMO_SMS) {
    const apiBaseUrl = demoApiBaseUrl(publicUrl, demo.provider);
    const body = {
      name: demo.name,
      provider: demo.provider,
      workstreamId: ws.id,
      config: { ...demo.config, apiBaseUrl },
    };
    const found = existing.find((c) => c.name === demo.name);
    if (!found) await channels.create(orgId, body as never);
    else if (found.settings.apiBaseUrl !== apiBaseUrl) await channels.update(orgId, found.id, body as never);
  }
  if ((await listTemplates(db, orgId)).length === 0)
    for (const t of DEMO_TEMPLATES) await insertTemplate(db, orgId, t, new Date());
  return DEMO_SMS.length;
}
