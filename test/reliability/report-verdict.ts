// After a fault: retry every key that did not end in 201, then judge each key against the
// rows. A key ends either with exactly one report (and every 201 it got names that report) or
// with none (and no 201).
import { NO_PROBLEMS, reportFacts, type Db, type ReportFacts } from './consistency.js';
import { outcomeLabel, tally, type Outcome, type ReportStream } from './report-stream.js';

/** IN_FLIGHT_STALE_MS of src/reports/idempotency.ts, plus a minute. */
const PAST_STALE_MINUTES = 11;

export interface Verdict {
  summary: Record<string, unknown>;
  /** attempts answered 5xx other than 503 */
  serverErrors: { key: string; status: number; message: string }[];
  /** attempts that got no HTTP answer at all */
  noAnswer: string[];
  problems: ReportFacts['problems'];
  expectedProblems: ReportFacts['problems'];
  /** keys whose answers and rows disagree, in words */
  keyMismatches: string[];
  reportRows: number;
  keysEnded201: number;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
  }
}

export async function settleAndCheck(
  stream: ReportStream,
  db: Db,
  target: { taskId: string; authorId: string; storageDir?: string },
): Promise<Verdict> {
  const firstAnswers = stream.firstTally();
  const unfinished = stream.unfinishedKeys();
  const retried: Outcome[] = [];
  await inBatches(unfinished, 4, async (key) => retried.push(await stream.retry(key)));

  // A key whose first request died after taking it (reserved in_flight, never completed nor
  // released) answers 409 until it counts as abandoned (IN_FLIGHT_STALE_MS, 10 minutes).
  // Rather than wait, age those rows past it: the next retry must then write exactly once.
  const stuck = stream.unfinishedKeys().filter((key) => {
    const last = stream.outcomes.get(key)!.at(-1)!;
    return last.kind === 'answer' && last.status === 409;
  });
  const stuckWithRow = (await reportFacts(db, target.taskId, target.authorId)).reportsOfKey;
  const stuckButWritten = stuck.filter((key) => stuckWithRow.has(key));
  if (stuck.length > 0) {
    await db.query(
      `UPDATE idempotency_key SET created_at = created_at - INTERVAL ${PAST_STALE_MINUTES} MINUTE
       WHERE user_id = ? AND state = 'in_flight' AND idem_key IN (?)`,
      [target.authorId, stuck],
    );
  }
  const afterTakeover: Outcome[] = [];
  await inBatches(stuck, 4, async (key) => afterTakeover.push(await stream.retry(key)));

  const facts = await reportFacts(db, target.taskId, target.authorId, target.storageDir);
  const keyMismatches: string[] = stuckButWritten.map((k) => `${k}: 409 in flight, yet written`);
  let keysEnded201 = 0;
  for (const [key, list] of stream.outcomes) {
    const written = facts.reportsOfKey.get(key) ?? [];
    const ended201 = outcomeLabel(list.at(-1)!) === '201';
    const ids = new Set(list.flatMap((o) => (o.kind === 'answer' && o.id ? [o.id] : [])));
    if (ended201) keysEnded201 += 1;
    const answers = list.map(outcomeLabel).join(' → ');
    if (written.length > 1) keyMismatches.push(`${key}: ${written.length} reports (${answers})`);
    else if (ended201 && written.length === 0) keyMismatches.push(`${key}: 201 but no report`);
    else if (!ended201 && written.length === 1) {
      keyMismatches.push(`${key}: written, but the last answer was ${answers}`);
    } else if (written.length === 1 && (ids.size !== 1 || !ids.has(written[0]!))) {
      keyMismatches.push(`${key}: answers named ${[...ids].join(', ')}, row ${written[0]}`);
    }
  }
  for (const key of facts.reportsOfKey.keys()) {
    if (!stream.outcomes.has(key)) keyMismatches.push(`${key}: a report no client sent`);
  }

  const all = [...stream.outcomes].flatMap(([key, list]) => list.map((o) => ({ key, o })));
  return {
    summary: {
      keys: stream.outcomes.size,
      firstAnswers,
      retried: tally(retried),
      replayed: retried.filter((o) => o.kind === 'answer' && o.replayed).length,
      stuckInFlight: stuck.length,
      afterTakeover: tally(afterTakeover),
      reports: facts.keyOf.size,
      evidenceRows: facts.evidenceRows,
    },
    serverErrors: all.flatMap(({ key, o }) =>
      o.kind === 'answer' && o.status >= 500 && o.status !== 503
        ? [{ key, status: o.status, message: o.message }]
        : [],
    ),
    noAnswer: all.flatMap(({ key, o }) => (o.kind === 'no-answer' ? [`${key}: ${o.error}`] : [])),
    problems: facts.problems,
    expectedProblems: NO_PROBLEMS,
    keyMismatches,
    reportRows: facts.keyOf.size,
    keysEnded201,
  };
}
