import path from 'node:path';
import { z } from 'zod';
import { KEY_FORMAT_HINT, parseKey } from './security/secrets.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** A rate limit written `count/window`, e.g. `20/1m`: at most 20 in any minute (window in s, m or h). */
const rate = z
  .string()
  .regex(/^\d{1,6}\/\d{1,4}[smh]$/, 'write a limit as count/window, e.g. 20/1m or 10/15m (s, m or h)')
  .transform((v) => {
    const [count, window] = v.split('/') as [string, string];
    const unit = window.slice(-1) as keyof typeof UNIT_MS;
    return { max: Number(count), windowMs: Number(window.slice(0, -1)) * UNIT_MS[unit] };
  })
  .refine((r) => r.max >= 1 && r.windowMs >= 1000, 'a limit allows at least 1 per window of at least 1 s');
export type RateLimit = z.output<typeof rate>;

/**
 * Every setting of the server, read once from the environment and validated at boot.
 * The README's configuration table mirrors this schema.
 */
export const ConfigSchema = z.object({
  /** HTTP port for the API, the apps, the widget and the demo pages. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL printed at start and used in the demo pages; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Folder of the embedded database (used when DATABASE_URL is not set). `memory://` keeps it in memory. */
  DATA_DIR: z.string().default('./data'),
  /** A PostgreSQL server, e.g. postgres://user@127.0.0.1:5432/switchboard. Unset: embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  /** Redis, e.g. redis://127.0.0.1:6379: shares realtime events between several nodes. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
    .optional(),
  /** Seconds an agent has to accept an offered conversation before it goes to someone else. */
  OFFER_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** How often, in milliseconds, expired offers are swept. */
  OFFER_SWEEP_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Secret for signing tokens. Unset: one is generated once and kept in the database. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  /**
   * Key sealing secrets at rest (AES-256-GCM), 32 bytes as hex or base64. Unset: `<DATA_DIR>/secret.key`,
   * created once; several nodes on one PostgreSQL server need the same SECRET_KEY.
   */
  SECRET_KEY: z
    .string()
    .refine((v) => parseKey(v) !== undefined, KEY_FORMAT_HINT)
    .optional(),
  /** The key before a rotation: secrets it sealed still open and are re-sealed with SECRET_KEY at start. */
  SECRET_KEY_PREVIOUS: z
    .string()
    .refine((v) => parseKey(v) !== undefined, KEY_FORMAT_HINT)
    .optional(),
  /** Seed the demo organisation on first start. */
  SEED_DEMO: bool.default(true),
  /** Bearer token `GET /metrics` requires. Unset: the metrics are open (keep them on a private network). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `off` lifts every rate limit below (for a load test); never in production. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Chat starts from one address (X3). */
  RATE_LIMIT_CHAT_STARTS_PER_ADDRESS: rate.prefault('20/1m'),
  /** Chat starts on one widget, from all addresses together. */
  RATE_LIMIT_CHAT_STARTS_PER_WIDGET: rate.prefault('600/1m'),
  /** Messages a visitor sends in one conversation. */
  RATE_LIMIT_VISITOR_MESSAGES: rate.prefault('60/1m'),
  /** Failed sign-ins for one email, from any address; each attempt beyond doubles the wait. */
  RATE_LIMIT_SIGNIN_FAILURES_PER_EMAIL: rate.prefault('10/15m'),
  /** Failed sign-ins from one address, for any email; each attempt beyond doubles the wait. */
  RATE_LIMIT_SIGNIN_FAILURES_PER_ADDRESS: rate.prefault('50/15m'),
  /** Behind a load balancer: take the client address from X-Forwarded-For (rate limits count per address). */
  TRUST_PROXY: bool.default(false),
  /** Where attachment files are kept (AG4): `disk` is <DATA_DIR>/attachments (a temporary folder for memory://). */
  ATTACHMENT_STORE: z.enum(['disk', 's3']).default('disk'),
  /** With ATTACHMENT_STORE=s3: the bucket, its region, and an S3-compatible endpoint (unset: AWS). */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  /** Address objects as <endpoint>/<bucket>/<key> (MinIO and most S3-compatible servers need it). */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Credentials for S3; unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID, a role ...). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Folder holding the built apps (agent, widget). */
  APPS_DIR: z.string().default(path.resolve(import.meta.dirname, '../../../apps')),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Settings that only make sense together. */
const ConfigChecked = ConfigSchema.superRefine((c, ctx) => {
  if (c.ATTACHMENT_STORE === 's3' && !c.S3_BUCKET)
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'ATTACHMENT_STORE=s3 needs S3_BUCKET' });
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY))
    ctx.addIssue({
      code: 'custom',
      path: ['S3_SECRET_ACCESS_KEY'],
      message: 'set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together (or neither, for the SDK chain)',
    });
});

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigChecked.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function publicUrl(config: Config, port = config.PORT): string {
  return config.PUBLIC_URL ?? `http://localhost:${port}`;
}
