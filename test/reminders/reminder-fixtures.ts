import { randomUUID } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { QueueName } from '../../src/reminders/queues.js';
import { createTask, type CreatedTask, type ObligationSpec } from '../factories/task.factory.js';
import { waitForOutput } from '../helpers/processes.js';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** called before the server accepts a message; throw to refuse it */
  beforeAccept?: (count: number) => Promise<void> | void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps what it accepted; it de-duplicates nothing. */
export async function startSmtp(): Promise<SmtpSink> {
  const sink: SmtpSink = { url: '', mails: [], close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await sink.beforeAccept?.(sink.mails.length);
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          sink.mails.push({
            messageId: mail.messageId ?? '',
            to: to?.value[0]?.address ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** An isolated committee: a lead body with users that have e-mail, an office and an inspector. */
export interface Bodies {
  committee: string;
  leadOrgId: string;
  leadUsers: { id: string; email: string }[];
  officeUser: { id: string; email: string };
  inspectorUser: { id: string; email: string };
  domain: string;
}

export async function createBodies(db: DataSource, leadUsers = 1): Promise<Bodies> {
  const tag = randomUUID().slice(0, 8);
  const committee = `RemTest ${tag}`;
  const domain = `rem-${tag}.test`;
  const org = async (id: string, name: string): Promise<void> => {
    await db.query(
      `INSERT INTO organization (id, name, short_name, aliases, kind, level, province, group_tags, successors)
       VALUES (?, ?, ?, '[]', 'ban', 'tinh', ?, '[]', '[]')`,
      [id, name, name, committee],
    );
  };
  const user = async (
    orgId: string,
    role: string,
    n: string,
  ): Promise<{ id: string; email: string }> => {
    const id = randomUUID();
    const email = `${n}@${domain}`;
    await db.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role, organization_id, email, active)
       VALUES (?, ?, ?, 'x', ?, ?, ?, 1)`,
      [id, `${n}.${tag}`, `Người dùng ${n}`, role, orgId, email],
    );
    return { id, email };
  };
  const leadOrgId = `rem-lead-${tag}`;
  await org(leadOrgId, `Ban thử nghiệm ${tag}`);
  await org(`rem-office-${tag}`, `Văn phòng thử nghiệm ${tag}`);
  await org(`rem-ubkt-${tag}`, `UBKT thử nghiệm ${tag}`);
  const leads = [];
  for (let i = 0; i < leadUsers; i += 1) leads.push(await user(leadOrgId, 'agency', `lead${i}`));
  return {
    committee,
    leadOrgId,
    leadUsers: leads,
    officeUser: await user(`rem-office-${tag}`, 'office', 'office'),
    inspectorUser: await user(`rem-ubkt-${tag}`, 'inspector', 'ubkt'),
    domain,
  };
}

export function taskWithObligations(
  db: DataSource,
  bodies: Pick<Bodies, 'leadOrgId' | 'committee'>,
  obligations: ObligationSpec[],
  status = 'in_progress',
): Promise<CreatedTask> {
  return createTask(db, {
    leadOrgId: bodies.leadOrgId,
    committee: bodies.committee,
    obligations,
    status,
  });
}

export async function rowsOf(
  db: DataSource,
  obligationId: string,
): Promise<{ stage: string; channel: string; userId: string; state: string; kind: string }[]> {
  return (await db.query(
    `SELECT stage, channel, user_id AS userId, state, kind FROM notification
     WHERE obligation_id = ? ORDER BY id`,
    [obligationId],
  )) as never;
}

const connection = (): { url: string; maxRetriesPerRequest: null } => ({
  url: process.env.REDIS_URL!,
  maxRetriesPerRequest: null,
});

/**
 * Resolves when the notifications queue has nothing waiting, delayed or running, twice in a
 * row (a job that finishes may enqueue nothing further, but a retry shows up as delayed).
 */
export async function waitForDrained(
  env: { REDIS_URL?: string; QUEUE_PREFIX?: string } = {},
  timeoutMs = 60_000,
): Promise<void> {
  const queue = new Queue(QueueName.Notifications, {
    connection: { ...connection(), url: env.REDIS_URL ?? process.env.REDIS_URL! },
    prefix: env.QUEUE_PREFIX ?? process.env.QUEUE_PREFIX!,
  });
  const deadline = Date.now() + timeoutMs;
  let idle = 0;
  try {
    while (Date.now() < deadline) {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      const busy = Object.values(counts).reduce((a, b) => a + b, 0);
      idle = busy === 0 ? idle + 1 : 0;
      if (idle >= 2) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`queue ${QueueName.Notifications} not drained within ${timeoutMs} ms`);
  } finally {
    await queue.close();
  }
}

/** Polls a condition (a database state), not a fixed sleep. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The built worker (dist/worker.js) with extra environment, ready to consume. */
export async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [process.env.REMINDERS_WORKER_ENTRY ?? 'dist/worker.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForOutput(worker, /worker ready/, 30_000);
  // Keep the pipes flowing so a chatty worker never blocks on a full buffer.
  worker.stdout?.resume();
  worker.stderr?.resume();
  return worker;
}

export async function stopWorker(worker: ChildProcess | undefined): Promise<void> {
  if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
