import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

export const APP_ENVIRONMENTS = ['production', 'development', 'demo', 'test'] as const;
export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number];

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === undefined || typeof value === 'boolean'
    ? value
    : (({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[
        String(value).toLowerCase()
      ] ?? value);

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every setting the service reads from its environment, with the defaults of API.md.
 * Read once at boot (loadConfig) and injected as this class.
 */
export class AppConfig {
  @IsIn(APP_ENVIRONMENTS)
  NODE_ENV: AppEnvironment = 'development';

  @Matches(/^(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/dondoc';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must look like redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, - or _' })
  QUEUE_PREFIX = 'dondoc';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^[0-9.:a-fA-F]+$|^localhost$/, { message: 'must be an IP address' })
  HOST = '0.0.0.0';

  // Required outside demo and test: a forgotten secret must not boot a production API.
  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of a login token, in seconds (default 8 hours: a working day). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsString()
  @Matches(/^[A-Za-z]+\/[A-Za-z_]+$|^UTC$/, {
    message: 'must be an IANA zone such as Asia/Ho_Chi_Minh',
  })
  TZ_APP = 'Asia/Ho_Chi_Minh';

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must look like smtp://user:pass@host:587' })
  SMTP_URL?: string;

  @Transform(toBoolean)
  @IsBoolean()
  ALLOW_CLOCK_OVERRIDE = false;

  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  DEMO_PASSWORD = 'demo12345';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON body accepted, in bytes; files have their own limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Requests per client per minute before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 300;

  /** Login attempts per client address per minute before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT = 20;

  /** Seconds a running process gets to finish its requests and jobs on SIGTERM. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SHUTDOWN_TIMEOUT_SECONDS = 20;

  /** Where uploaded documents and evidence files are kept (a directory; created if missing). */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = './storage';

  /** Largest evidence file, in MB (413 above it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  EVIDENCE_MAX_FILE_MB = 20;

  /** Most evidence files on one report. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EVIDENCE_MAX_FILES = 10;

  /** Base URL people open, used in links of e-mails and calendar feeds. */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** How often the reminder sweep runs (a BullMQ job scheduler in the worker). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SWEEP_EVERY_MINUTES = 5;

  /**
   * How often each API and worker process looks for outbox rows to hand to BullMQ, in ms. A
   * write wakes its own process's relay at once; the poll covers rows another process left
   * (it crashed, or Redis was away).
   */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** Local time (TZ_APP) of the daily digest e-mail, HH:MM. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM such as 07:30' })
  DIGEST_TIME = '07:30';

  /**
   * Local time (TZ_APP) of the nightly housekeeping, HH:MM: expired Idempotency-Key rows and
   * stored files no report or document names (older than a day) are removed.
   */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM such as 03:15' })
  HOUSEKEEPING_TIME = '03:15';

  /** A reminder stage that fired more than this many days ago is not created any more. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(366)
  REMINDER_LOOKBACK_DAYS = 30;

  /** How long a worker holds a notification it is sending before another may take it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  NOTIFY_CLAIM_SECONDS = 300;

  /**
   * Deliveries one worker runs at once. In-app deliveries running together share one UPDATE, so
   * this bounds their batches: at 200 they averaged 40–60 rows and MySQL waited between them;
   * 500 keeps four batches of about 70 in flight (bench:reminders). E-mail goes through a pool of
   * a few SMTP connections; a job claims its row before it waits for one, and the backlog of 500
   * stays far inside NOTIFY_CLAIM_SECONDS.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  NOTIFY_CONCURRENCY = 500;

  /** Sender of e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Đôn đốc <no-reply@dondoc.local>';

  /** A webhook subscription is disabled after this many failed deliveries in a row. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_MAX_FAILURES = 10;

  /** Time a webhook receiver gets to answer, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** First retry delay of a webhook delivery, in ms (doubles each attempt). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_MS = 2000;

  /** Attempts of one webhook delivery before it is given up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_ATTEMPTS = 8;

  /**
   * Whether webhooks may go to loopback and private networks (10/8, 172.16/12, 192.168/16,
   * 100.64/10, fc00::/7, 127/8, ::1): on for an intranet install whose receivers are on the LAN.
   * Link-local (cloud metadata), multicast and reserved addresses are refused either way.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The secret that signs tokens; demo and test get a fixed one so they run without setup. */
  get jwtSecret(): string {
    return this.JWT_SECRET ?? `dondoc-${this.NODE_ENV}-only-secret-not-for-production`;
  }

  get databaseName(): string {
    return new URL(this.DATABASE_URL).pathname.slice(1);
  }
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Cấu hình sai / invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once; the first bad variable is named in the error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, 'JWT_SECRET', 'SMTP_URL']) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const detail = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(first.property, detail);
  }
  return config;
}
