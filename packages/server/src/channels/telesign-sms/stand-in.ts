import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { digitsOf, toE164 } from '../../domain/contacts/phone.js';
import type { SignedWebhook, StandInFactory, StandInMessage } from '../adapter.js';
import type { TeleSignConfig } from './adapter.js';
import { sameSignature, signWithApiKey } from './signature.js';

const FORM = 'application/x-www-form-urlencoded';
const RESOURCE = '/v1/messaging';
/** TeleSign refuses a request whose Date is further than this from its clock. */
const DATE_TOLERANCE_MS = 15 * 60_000;

type Refusal = { http: number; code: number; description: string };

/** What TeleSign answers with for each status a test asks for (`failNext`). */
const FAILURES: Record<number, Omit<Refusal, 'http'>> = {
  400: { code: 11000, description: 'Invalid value for parameter phone_number.' },
  401: { code: 10008, description: 'Invalid Signature.' },
  402: { code: 10030, description: 'Insufficient funds in prepaid wallet.' },
  403: { code: 10011, description: 'This product is not enabled for this CustomerID.' },
  429: { code: 10019, description: 'Rate Limit Exceeded' },
};
const UNAVAILABLE = { code: 10000, description: 'System Unavailable, Please try again later.' };

/**
 * TeleSign's Messaging API on loopback (CH2, CH7): it checks the TSA signature (or Basic auth) the
 * way TeleSign does, requires what TeleSign requires, answers in TeleSign's shapes and signs the
 * callbacks it posts with the channel's API key.
 */
export const telesignStandIn: StandInFactory<TeleSignConfig> = (config) => {
  const sent: StandInMessage[] = [];
  const failures: number[] = [];
  const usedNonces = new Set<string>();

  async function acceptMessage(req: FastifyRequest, reply: FastifyReply) {
    const failure = failures.shift();
    if (failure !== undefined) return refuse(reply, { http: failure, ...(FAILURES[failure] ?? UNAVAILABLE) });
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const unauthorized = checkAuth(req, rawBody);
    if (unauthorized) return refuse(reply, { http: 401, ...unauthorized });
    const params = new URLSearchParams(rawBody);
    const invalid = checkParams(params);
    if (invalid) return refuse(reply, { http: 400, ...invalid });
    const referenceId = newReferenceId();
    const phone = params.get('phone_number')!;
    const senderId = params.get('sender_id');
    const text = params.get('message')!;
    sent.push({
      providerMessageId: referenceId,
      to: toE164(phone) ?? `+${phone}`,
      from: senderId ? (toE164(senderId) ?? senderId) : config.numbers[0]!,
      text,
      at: new Date(),
    });
    return reply.code(200).send({
      reference_id: referenceId,
      external_id: params.get('external_id'),
      status: { code: 290, description: 'Message in progress', updated_on: new Date().toISOString() },
      additional_info: { message_parts_count: text.length <= 160 ? 1 : Math.ceil(text.length / 153) },
    });
  }

  /** The request's TSA signature recomputed over TeleSign's string to sign, or Basic credentials. */
  function checkAuth(req: FastifyRequest, rawBody: string): Omit<Refusal, 'http'> | null {
    const authorization = header(req, 'authorization');
    if (authorization === '') return { code: 10009, description: 'Missing required `Authorization` header' };
    if (authorization.startsWith('Basic ')) {
      const [customerId, ...key] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      if (customerId !== config.customerId) return { code: 10015, description: 'Invalid Customer ID.' };
      return sameSignature(key.join(':'), config.apiKey) ? null : { code: 10022, description: 'Invalid API Key.' };
    }
    const match = /^TSA ([^:]+):(.+)$/.exec(authorization);
    if (!match) return { code: 10028, description: "Required 'Authorization' header is not in the correct format" };
    if (match[1] !== config.customerId) return { code: 10015, description: 'Invalid Customer ID.' };
    const authMethod = header(req, 'x-ts-auth-method');
    if (authMethod !== 'HMAC-SHA256') return { code: 10006, description: "Invalid 'x-ts-auth-method' header." };
    const date = header(req, 'date');
    if (date === '') return { code: 10007, description: "Missing required 'Date' or 'x-ts-date' header" };
    const sentAt = Date.parse(date);
    if (Number.isNaN(sentAt))
      return { code: 10005, description: "'Date' or 'x-ts-date' header is not RFC822 compliant" };
    if (Math.abs(Date.now() - sentAt) > DATE_TOLERANCE_MS) {
      return { code: 10004, description: "'Date' or 'x-ts-date' header is not within tolerable range" };
    }
    const nonce = header(req, 'x-ts-nonce');
    if (nonce.length < 16 || nonce.length > 64) {
      return { code: 10003, description: "'x-ts-nonce' header value is either too long or too short" };
    }
    if (usedNonces.has(nonce)) return { code: 10002, description: "'x-ts-nonce' header value has been used recently" };
    const stringToSign = [
      req.method,
      header(req, 'content-type'),
      date,
      `x-ts-auth-method:${authMethod}`,
      `x-ts-nonce:${nonce}`,
      ...(rawBody === '' ? [] : [rawBody]),
      RESOURCE,
    ].join('\n');
    if (!sameSignature(match[2]!, signWithApiKey(config.apiKey, stringToSign))) {
      return { code: 10008, description: 'Invalid Signature.' };
    }
    usedNonces.add(nonce);
    return null;
  }

  function signed(url: string, body: object): SignedWebhook {
    const json = JSON.stringify(body);
    const authorization = `TSA ${config.customerId}:${signWithApiKey(config.apiKey, json)}`;
    return {
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: json,
    };
  }

  return {
    sent,
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    async register(app, prefix) {
      await app.register(
        async (scope) => {
          // TeleSign takes form bodies; the signature covers them byte for byte, so keep the raw text.
          scope.removeContentTypeParser(FORM);
          scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => done(null, body));
          scope.post(RESOURCE, acceptMessage);
        },
        { prefix },
      );
    },
    inbound(webhookUrl, { from, to, body }) {
      const keyword = keywordOf(body);
      return signed(webhookUrl, {
        reference_id: newReferenceId(),
        status: { code: 1500, description: 'Delivered', updated_on: new Date().toISOString() },
        submit_timestamp: new Date().toISOString(),
        sub_resource: 'mo_sms',
        errors: {},
        user_response: {
          phone_number: digitsOf(from),
          mo_message: body,
          sender_id: digitsOf(to),
          iso_country_code: parsePhoneNumberFromString(from)?.country ?? null,
          action: keyword.action,
          keyword: keyword.keyword,
          price: null,
        },
      });
    },
    status(webhookUrl, referenceId, status) {
      const outcome =
        status === 'delivered'
          ? { code: 200, description: 'Delivered to handset' }
          : { code: 210, description: 'Temporary phone error' };
      return signed(webhookUrl, {
        reference_id: referenceId,
        external_id: null,
        status: { ...outcome, updated_on: new Date().toISOString() },
        submit_timestamp: new Date().toISOString(),
        additional_info: { message_parts_count: 1 },
      });
    },
  };
};

function checkParams(params: URLSearchParams): Omit<Refusal, 'http'> | null {
  const phone = params.get('phone_number');
  if (!phone) return { code: 12000, description: 'Missing Required Parameter phone_number' };
  if (!/^\d{7,15}$/.test(phone)) return { code: 11000, description: 'Invalid value for parameter phone_number.' };
  const message = params.get('message');
  if (!message) return { code: 12009, description: 'Missing Required Parameter message' };
  if (message.length > 1600) return { code: 11009, description: 'Invalid value for parameter message.' };
  const type = params.get('message_type');
  if (!type) return { code: 12017, description: 'Missing Required Parameter message_type' };
  if (!['ARN', 'MKT', 'OTP'].includes(type))
    return { code: 11017, description: 'Invalid value for parameter message_type.' };
  return null;
}

/** TeleSign's error answer: the transaction's status and the errors that stopped it. */
function refuse(reply: FastifyReply, { http, code, description }: Refusal) {
  const status =
    http === 401
      ? { code: 501, description: 'Not authorized' }
      : { code: 500, description: 'Transaction not attempted' };
  return reply.code(http).send({
    status: { ...status, updated_on: new Date().toISOString() },
    errors: [{ code, description }],
  });
}

const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** TeleSign's transaction ids: 32 upper-case hex digits. */
const newReferenceId = () => randomBytes(16).toString('hex').toUpperCase();

/** TeleSign's keyword handling, as far as the stand-in needs it: the action a keyword triggers. */
function keywordOf(text: string): { action: 'start' | 'stop' | 'help' | 'generic'; keyword: string } {
  const word = text.trim().toLowerCase();
  if (['stop', 'end', 'cancel', 'unsubscribe', 'quit', 'stopall'].includes(word))
    return { action: 'stop', keyword: word };
  if (['start', 'unstop', 'yes'].includes(word)) return { action: 'start', keyword: word };
  if (['help', 'info'].includes(word)) return { action: 'help', keyword: word };
  return { action: 'generic', keyword: '' };
}
