// Several clients posting progress reports, each with a key of its own, until stopped; every
// answer (or the lack of one) is kept per key, so a suite can judge each key afterwards.
import { postReport, type ReportRequest } from './api-client.js';
import { sleep, until } from './processes.js';

export type Outcome =
  | { kind: 'answer'; status: number; id: string | null; replayed: boolean; message: string }
  | { kind: 'no-answer'; error: string };

/** '201', '503', … or 'no answer' */
export function outcomeLabel(outcome: Outcome): string {
  return outcome.kind === 'answer' ? String(outcome.status) : 'no answer';
}

export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[outcomeLabel(o)] = (counts[outcomeLabel(o)] ?? 0) + 1;
  return counts;
}

export async function sendReport(
  base: string,
  token: string,
  taskId: string,
  request: ReportRequest,
): Promise<Outcome> {
  try {
    const answer = await postReport(base, token, taskId, request);
    const body = answer.body as { id?: unknown; messageEn?: unknown } | null;
    return {
      kind: 'answer',
      status: answer.status,
      id: answer.status === 201 && typeof body?.id === 'string' ? body.id : null,
      replayed: answer.headers.get('idempotent-replayed') === 'true',
      message: typeof body?.messageEn === 'string' ? body.messageEn : '',
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { kind: 'no-answer', error: cause?.code ?? (error as Error).name };
  }
}

export interface StreamOptions {
  base: string;
  token: string;
  taskId: string;
  clients: number;
  /** key prefix, unique to the suite run */
  prefix: string;
  /** every n-th report carries an evidence file (multipart); 0: JSON only */
  evidenceEvery?: number;
  /** pause after a refusal, so an outage is not a busy loop */
  backoffMs?: number;
  /** pause after no answer at all (the API is down) */
  noAnswerBackoffMs?: number;
}

export class ReportStream {
  /** key → what each attempt with that key got, in order */
  readonly outcomes = new Map<string, Outcome[]>();
  readonly requests = new Map<string, ReportRequest>();
  private stopping = false;
  private loops: Promise<void>[] = [];
  private sent = 0;
  private created = 0;

  constructor(private readonly options: StreamOptions) {}

  start(): void {
    for (let c = 0; c < this.options.clients; c += 1) this.loops.push(this.loop(c));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  get createdCount(): number {
    return this.created;
  }

  /** Resolves once `more` further reports have been answered 201. */
  async waitForCreated(more: number, timeoutMs: number): Promise<void> {
    const target = this.created + more;
    await until(
      `${more} more reports created (now ${this.created})`,
      async () => this.created,
      (n) => n >= target,
      timeoutMs,
      50,
    );
  }

  /** Every key's first outcome, tallied ('201': …, '503': …). */
  firstTally(): Record<string, number> {
    return tally([...this.outcomes.values()].map((o) => o[0]!));
  }

  /** Keys whose last attempt got anything but 201. */
  unfinishedKeys(): string[] {
    return [...this.outcomes]
      .filter(([, list]) => outcomeLabel(list[list.length - 1]!) !== '201')
      .map(([key]) => key);
  }

  /** One more attempt with the same key and the same request. */
  async retry(key: string): Promise<Outcome> {
    const request = this.requests.get(key);
    if (!request) throw new Error(`unknown key ${key}`);
    const outcome = await sendReport(
      this.options.base,
      this.options.token,
      this.options.taskId,
      request,
    );
    this.outcomes.get(key)!.push(outcome);
    return outcome;
  }

  /** Report ids every key's 201 answers named (first write or replay). */
  idsByKey(): Map<string, Set<string>> {
    const ids = new Map<string, Set<string>>();
    for (const [key, list] of this.outcomes) {
      for (const o of list) {
        if (o.kind === 'answer' && o.id) {
          if (!ids.has(key)) ids.set(key, new Set());
          ids.get(key)!.add(o.id);
        }
      }
    }
    return ids;
  }

  private async loop(client: number): Promise<void> {
    const { evidenceEvery = 0, backoffMs = 100, noAnswerBackoffMs = 1000 } = this.options;
    while (!this.stopping) {
      this.sent += 1;
      const n = this.sent;
      const request: ReportRequest = {
        key: `${this.options.prefix}-c${client}-${n}`,
        withEvidence: evidenceEvery > 0 && n % evidenceEvery === 0,
      };
      this.requests.set(request.key, request);
      const outcome = await sendReport(
        this.options.base,
        this.options.token,
        this.options.taskId,
        request,
      );
      this.outcomes.set(request.key, [outcome]);
      if (outcome.kind === 'answer' && outcome.status === 201) {
        this.created += 1;
      } else {
        await sleep(outcome.kind === 'no-answer' ? noAnswerBackoffMs : backoffMs);
      }
    }
  }
}
