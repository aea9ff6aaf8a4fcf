import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { toE164 } from '../../domain/contacts/phone.js';
import type { SignedWebhook, StandInFactory, StandInMessage } from '../adapter.js';
import type { TwilioConfig } from './config.js';
import { countSegments } from './segments.js';

/**
 * Twilio's Messages API on loopback (CH7): it checks a send as Twilio does (Basic auth with the
 * account SID and auth token, the account in the path, a sender of this account, a body), answers
 * with Twilio's resource and error shapes, and signs the webhooks Twilio would post.
 */
export const twilioStandIn: StandInFactory<TwilioConfig> = (config) => {
  const sent: StandInMessage[] = [];
  const failures: number[] = [];
  const account = `/2010-04-01/Accounts/${config.accountSid}`;

  const sendMessage = (req: FastifyRequest<{ Params: { AccountSid: string } }>, reply: FastifyReply) => {
    const failure = failures.shift();
    if (failure !== undefined) return refuse(reply, failure, ...failureOf(failure));
    if (!authorised(req.headers.authorization, config)) {
      void reply.header('www-authenticate', 'Basic realm="Twilio API"');
      return refuse(reply, 401, 20003, 'Authenticate');
    }
    if (req.params.AccountSid !== config.accountSid) {
      return refuse(reply, 404, 20404, `The requested resource ${req.url} was not found`);
    }
    const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
    const to = form.get('To');
    const from = form.get('From');
    const serviceSid = form.get('MessagingServiceSid');
    const body = form.get('Body') ?? '';
    const media = form.getAll('MediaUrl');
    if (!to) return refuse(reply, 400, 21604, "A 'To' phone number is required.");
    if (toE164(to) !== to) return refuse(reply, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from && !serviceSid) {
      return refuse(reply, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    }
    if (from && !config.numbers.includes(from)) {
      return refuse(
        reply,
        400,
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number ` +
          'or short code for your account.',
      );
    }
    if (serviceSid && serviceSid !== config.messagingServiceSid) {
      return refuse(reply, 404, 21701, `The Messaging Service ${serviceSid} does not exist.`);
    }
    if (body === '' && media.length === 0) return refuse(reply, 400, 21602, 'Message body is required.');
    if (body.length > 1600) {
      return refuse(reply, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    }
    const sid = newSid('SM');
    // With only a messaging service, Twilio picks the sender later and says `accepted`.
    const sender = from ?? config.numbers[0] ?? null;
    const now = new Date();
    sent.push({ providerMessageId: sid, to, from: sender ?? serviceSid!, text: body, at: now });
    return reply.code(201).send({
      account_sid: config.accountSid,
      api_version: '2010-04-01',
      body,
      date_created: rfc2822(now),
      date_sent: null,
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: from ?? null,
      messaging_service_sid: serviceSid,
      num_media: String(media.length),
      num_segments: String(countSegments(body)),
      price: null,
      price_unit: 'USD',
      sid,
      status: from ? 'queued' : 'accepted',
      subresource_uris: { media: `${account}/Messages/${sid}/Media.json` },
      to,
      uri: `${account}/Messages/${sid}.json`,
    });
  };

  const sign = (url: string, params: Record<string, string>): SignedWebhook => ({
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(config.authToken, url, params),
      'i-twilio-idempotency-token': randomUUID(),
      'user-agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(params).toString(),
  });

  return {
    sent,
    async register(app, prefix) {
      // Its own scope: the form parser must not clash with (or leak into) the host app's parsers.
      await app.register(
        async (scope) => {
          const form = 'application/x-www-form-urlencoded';
          if (scope.hasContentTypeParser(form)) scope.removeContentTypeParser(form);
          scope.addContentTypeParser(form, { parseAs: 'string' }, (_req, text, done) => done(null, text));
          scope.post('/2010-04-01/Accounts/:AccountSid/Messages.json', sendMessage);
        },
        { prefix },
      );
    },
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    inbound(webhookUrl, text) {
      const sid = newSid('SM');
      return sign(webhookUrl, {
        SmsMessageSid: sid,
        NumMedia: '0',
        SmsSid: sid,
        SmsStatus: 'received',
        Body: text.body,
        To: text.to,
        NumSegments: String(countSegments(text.body)),
        MessageSid: sid,
        AccountSid: config.accountSid,
        From: text.from,
        ApiVersion: '2010-04-01',
        ...(config.messagingServiceSid ? { MessagingServiceSid: config.messagingServiceSid } : {}),
      });
    },
    status(webhookUrl, providerMessageId, status) {
      const message = sent.find((m) => m.providerMessageId === providerMessageId);
      return sign(webhookUrl, {
        MessageSid: providerMessageId,
        SmsSid: providerMessageId,
        MessageStatus: status,
        SmsStatus: status,
        AccountSid: config.accountSid,
        ApiVersion: '2010-04-01',
        ...(message ? { From: message.from, To: message.to, ChannelToAddress: message.to } : {}),
        ...(status === 'failed' ? { ErrorCode: '30003' } : {}),
      });
    },
  };
};

function authorised(header: string | undefined, config: TwilioConfig): boolean {
  const [scheme, encoded] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return false;
  return Buffer.from(encoded, 'base64').toString('utf8') === `${config.accountSid}:${config.authToken}`;
}

/** Twilio's error JSON: the HTTP status repeated, its own code, and where the code is explained. */
function refuse(reply: FastifyReply, status: number, code: number, message: string) {
  return reply.code(status).send({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** What a failing Twilio says: its codes for the HTTP statuses, 21610 (unsubscribed) for a plain refusal. */
function failureOf(status: number): [number, string] {
  if (status === 400) return [21610, 'Attempt to send to unsubscribed recipient'];
  if (status === 401) return [20003, 'Authenticate'];
  return [20000 + status, STATUS_CODES[status] ?? 'Error'];
}

const newSid = (prefix: 'SM') => prefix + randomBytes(16).toString('hex');

/** `Tue, 02 Dec 2025 09:30:00 +0000`, as Twilio writes its dates. */
const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000');
