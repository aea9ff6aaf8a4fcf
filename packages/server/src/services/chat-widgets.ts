import { randomBytes } from 'node:crypto';
import type { ChatWidget, NewChatWidget } from '@switchboard/protocol';
import { DomainError, notFound } from '../domain/errors.js';
import { slugOf } from '../domain/naming/slug.js';
import type { Db } from '../store/db.js';
import { deleteWidget, hasWorkstream, insertWidget, listWidgets, updateWidget } from '../store/widgets.js';

/** A readable id for the embed tag, from the title, with a random tail so it cannot be guessed or clash. */
export function widgetIdFor(title: string): string {
  const tail = randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0');
  return `${slugOf(title, 'widget')}-${tail}`;
}

/** Chat widgets (CH1, AD2): which workstream routes the conversations each embed tag starts. */
export function createChatWidgetService({ db }: { db: Db }) {
  async function requireWorkstream(orgId: string, workstreamId: string) {
    if (!(await hasWorkstream(db, orgId, workstreamId)))
      throw new DomainError('invalid', `workstream ${workstreamId} does not exist`);
  }
  return {
    list: (orgId: string) => listWidgets(db, orgId),
    async create(orgId: string, body: NewChatWidget): Promise<ChatWidget> {
      await requireWorkstream(orgId, body.workstreamId);
      const widget = { id: widgetIdFor(body.title), ...body };
      await insertWidget(db, orgId, widget);
      return widget;
    },
    async update(orgId: string, id: string, body: NewChatWidget): Promise<ChatWidget> {
      await requireWorkstream(orgId, body.workstreamId);
      const widget = await updateWidget(db, orgId, { id, ...body });
      if (!widget) throw notFound(`chat widget ${id}`);
      return widget;
    },
    /** Conversations do not refer to their widget, so any widget can go; its embed tag stops working. */
    async remove(orgId: string, id: string): Promise<void> {
      if (!(await deleteWidget(db, orgId, id))) throw notFound(`chat widget ${id}`);
    },
  };
}

export type ChatWidgetService = ReturnType<typeof createChatWidgetService>;
