import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { JobFailure } from './job-failure.entity.js';

export interface JobFailureRecord {
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  error: string;
  attempts: number;
}

@Injectable()
export class JobFailureRepository {
  constructor(@InjectRepository(JobFailure) private readonly rows: Repository<JobFailure>) {}

  async record(failure: JobFailureRecord): Promise<void> {
    await this.rows.insert({
      queue: failure.queue,
      jobName: failure.jobName,
      jobId: failure.jobId,
      payload: JSON.stringify(failure.payload ?? null),
      error: failure.error.slice(0, 60_000),
      attempts: failure.attempts,
    });
  }

  async findByJob(queue: string, jobId: string): Promise<JobFailureRecord[]> {
    const rows = await this.rows.find({ where: { queue, jobId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }
}
