import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, login, publishSeed, taskLedBy, USERS } from './api-client.js';
import type { PublishedTask } from '../helpers/documents.js';
import { unreferencedFiles, userId, type Db } from './consistency.js';
import { apiOnRunDatabase, type ApiProcess, Scope, type ServiceSettings } from './processes.js';
import { ReportStream } from './report-stream.js';
import { settleAndCheck } from './report-verdict.js';

describe('the API stopped in the middle of report writes, restarted on the same database', () => {
  const scope = new Scope('api-crash');
  let settings: ServiceSettings;
  let api: ApiProcess;
  let db: Db;
  let tasks: PublishedTask[];
  let agency: string;
  let admin: string;

  beforeAll(async () => {
    // The run's database: this suite only adds a published document and reports on its task.
    ({ settings, api, db } = await apiOnRunDatabase(scope, 'apicrash'));
    tasks = await publishSeed(api.base, await login(api.base, USERS.office));
    agency = await login(api.base, USERS.agency);
    admin = await login(api.base, USERS.admin);
  }, 180_000);

  afterAll(() => scope.cleanup(), 90_000);

  it('SIGKILL: no report without its audit event, key or file; retries write once', async () => {
    const taskId = taskLedBy(tasks).id;
    const stream = new ReportStream({
      base: api.base,
      token: agency,
      taskId,
      clients: 6,
      prefix: `crash-${randomUUID().slice(0, 8)}`,
      evidenceEvery: 2,
    });
    stream.start();
    try {
      for (let round = 0; round < 2; round += 1) {
        await stream.waitForCreated(20, 60_000);
        await api.kill();
        await api.restart();
        await stream.waitForCreated(10, 60_000);
      }
    } finally {
      await stream.stop();
    }

    const verdict = await settleAndCheck(stream, db, {
      taskId,
      authorId: await userId(db, USERS.agency),
      storageDir: settings.storageDir,
    });
    // UND_ERR_SOCKET / ECONNRESET: cut mid-request by the kill; ECONNREFUSED: sent while down
    const lostBy: Record<string, number> = {};
    for (const o of [...stream.outcomes.values()].flat()) {
      if (o.kind === 'no-answer') lostBy[o.error] = (lostBy[o.error] ?? 0) + 1;
    }
    const garbage = await unreferencedFiles(db, settings.storageDir);
    console.log(
      `API crash: ${JSON.stringify(verdict.summary)}; no answer by cause ` +
        `${JSON.stringify(lostBy)}; files no row names: ${garbage.length}`,
    );
    expect(verdict.serverErrors).toEqual([]);
    expect(verdict.problems).toEqual(verdict.expectedProblems);
    expect(verdict.keyMismatches).toEqual([]);
    expect(verdict.reportRows).toBe(verdict.keysEnded201);
    // Every key got written in the end (by a retry, or after its abandoned reservation aged).
    expect(stream.unfinishedKeys()).toEqual([]);

    expect(api.alive()).toBe(true);
    const audit = await call<{ ok: boolean }>(api.base, 'GET', '/audit/verify', {
      token: admin,
      timeoutMs: 60_000,
    });
    expect(audit.body).toMatchObject({ ok: true });
  }, 240_000);

  it('SIGTERM (a rolling restart): the writes under way finish; none is cut or left in flight', async () => {
    // Another task the agency reports on: its own report set, its own checks.
    const taskId = taskLedBy(tasks, USERS.otherAgencyOrg).id;
    const token = await login(api.base, USERS.otherAgency);
    const stream = new ReportStream({
      base: api.base,
      token,
      taskId,
      clients: 6,
      prefix: `term-${randomUUID().slice(0, 8)}`,
      evidenceEvery: 2,
    });
    stream.start();
    let exit: Awaited<ReturnType<ApiProcess['stop']>>;
    try {
      await stream.waitForCreated(20, 60_000);
      exit = await api.stop();
      await api.restart();
      await stream.waitForCreated(10, 60_000);
    } finally {
      await stream.stop();
    }
    const verdict = await settleAndCheck(stream, db, {
      taskId,
      authorId: await userId(db, USERS.otherAgency),
      storageDir: settings.storageDir,
    });
    console.log(`API SIGTERM: exit ${JSON.stringify(exit)}; ${JSON.stringify(verdict.summary)}`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(verdict.serverErrors).toEqual([]);
    expect(verdict.problems).toEqual(verdict.expectedProblems);
    expect(verdict.keyMismatches).toEqual([]);
    // A request cut between taking its key and recording the report would leave it in flight.
    expect(verdict.summary.stuckInFlight).toBe(0);
    expect(verdict.reportRows).toBe(verdict.keysEnded201);
  }, 180_000);
});
