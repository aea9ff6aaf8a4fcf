import type { FastifyReply } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import { isImage } from '../../domain/attachments/rules.js';
import type { AttachmentService, FileOut } from '../../services/attachments.js';
import { mount } from '../mount.js';

const bytesOf = (body: unknown) => (Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(0));

/**
 * The file as it was checked: its sniffed type, never sniffed again by the browser (nosniff), and
 * anything but an image saved rather than shown, so an uploaded page can never run on our origin.
 */
function sendFile(reply: FastifyReply, { row, data }: FileOut) {
  const disposition = isImage(row.contentType) ? 'inline' : 'attachment';
  const ascii = row.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', row.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    )
    .send(Buffer.from(data));
}

/** Attachments (AG4): staff and visitors upload the file as the body, and read files back with their token. */
export function attachmentRoutes(
  app: Parameters<typeof mount>[0],
  deps: { tokens: TokenIssuer; attachments: AttachmentService },
) {
  const { tokens, attachments } = deps;
  const upload = (req: { headers: Record<string, string | string[] | undefined>; body: unknown }, name: string) => ({
    fileName: name,
    declaredType: typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : undefined,
    data: bytesOf(req.body),
  });

  mount(app, tokens, 'uploadAttachment', async ({ who, params, query, req }) =>
    attachments.staffUpload(who, params.id, upload(req, query.name)),
  );
  mount(app, tokens, 'visitorUpload', async ({ who, query, req }) =>
    attachments.visitorUpload(who, upload(req, query.name)),
  );
  mount(app, tokens, 'downloadAttachment', async ({ who, params, reply }) =>
    sendFile(reply, await attachments.staffDownload(who, params.id)),
  );
  mount(app, tokens, 'visitorDownload', async ({ who, params, reply }) =>
    sendFile(reply, await attachments.visitorDownload(who, params.attachmentId)),
  );
  mount(app, tokens, 'getAttachmentSettings', async ({ who }) => attachments.settings(who.orgId));
  mount(app, tokens, 'updateAttachmentSettings', async ({ who, body }) => attachments.saveSettings(who.orgId, body));
}
