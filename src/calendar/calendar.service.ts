import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import ical, { ICalAlarmType } from 'ical-generator';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { addDays, formatVi, todayIn } from '../common/dates.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import { documentName, taskLink } from '../notifications/notification-message.js';
import { ReminderRules } from '../notifications/working-calendar.provider.js';
import { stageSchedule } from '../reminders/reminder-stages.js';
import { CalendarRepository } from './calendar.repository.js';

const FEED_PAST_DAYS = 60;
const FEED_MAX_EVENTS = 2000;
// Alarms ring at 08:00 on the reminder's working day, local time.
const ALARM_HOUR = 8;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly rules: ReminderRules,
    private readonly config: AppConfig,
  ) {}

  /** A new feed token (shown once); any previous one stops working. */
  async createToken(actor: Actor): Promise<{ token: string; url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.uow.run(async (tx) => {
      await this.repo.saveToken(tx, actor.userId, hashToken(token));
      await this.audit.record(tx, actor, {
        action: 'calendar.token_create',
        entityType: 'user',
        entityId: actor.userId,
      });
    });
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    return { token, url: `${base}/api/v1/calendar.ics?token=${token}` };
  }

  async revokeToken(actor: Actor): Promise<void> {
    await this.uow.run(async (tx) => {
      if (!(await this.repo.deleteToken(tx, actor.userId))) {
        throw AppError.notFound({ vi: 'mã lịch', en: 'Calendar token' });
      }
      await this.audit.record(tx, actor, {
        action: 'calendar.token_revoke',
        entityType: 'user',
        entityId: actor.userId,
      });
    });
  }

  async feed(token: string | undefined, now = new Date()): Promise<string> {
    if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      throw new AppError(
        401,
        'Thiếu hoặc sai mã lịch (token). Tạo mã mới bằng POST /me/calendar-token.',
        'Missing or malformed calendar token; create one with POST /me/calendar-token.',
      );
    }
    const owner = await this.repo.ownerOf(hashToken(token));
    if (!owner) throw AppError.notFound({ vi: 'lịch (mã đã bị thu hồi?)', en: 'Calendar feed' });
    const today = todayIn(this.config.TZ_APP, now);
    const deadlines = await this.repo.deadlines(
      owner,
      addDays(today, -FEED_PAST_DAYS),
      FEED_MAX_EVENTS,
    );
    const cal = ical({
      name: `Đôn đốc – hạn báo cáo (${owner.displayName})`,
      prodId: { company: 'dondoc', product: 'reminders', language: 'VI' },
      // No calendar time zone: ical-generator would then write floating local times; UTC
      // instants (…Z) and plain dates say exactly what is meant.
      ttl: 3600,
    });
    for (const d of deadlines) {
      const schedule = stageSchedule(d.dueOn, this.rules.calendar, this.rules.stages);
      const notes = schedule.stages.flatMap((s) => (s.shiftNoteVi ? [s.shiftNoteVi] : []));
      const event = cal.createEvent({
        id: `obligation-${d.obligationId}@dondoc`,
        start: calendarDay(d.dueOn),
        allDay: true,
        summary: `Hạn báo cáo: ${d.labelVi} – ${d.taskTitle}`.slice(0, 250),
        description: [
          `Nhiệm vụ: ${d.taskTitle}`,
          `Văn bản: ${documentName(d.documentNumber, d.documentTitle)}`,
          `Hạn báo cáo: ${formatVi(d.dueOn)}${schedule.dueNonWorkingReason ? ` (ngày nghỉ: ${schedule.dueNonWorkingReason})` : ''}`,
          ...notes,
        ].join('\n'),
        url: taskLink(this.config.PUBLIC_URL, d.taskId),
      });
      // The reminders before the deadline, on the working days they are sent.
      const alarmDays = new Set(
        schedule.stages.filter((x) => x.offsetDays <= 0).map((x) => x.firesOn),
      );
      for (const day of alarmDays) {
        event.createAlarm({
          type: ICalAlarmType.display,
          trigger: vietnamTime(day, ALARM_HOUR),
          description: `Nhắc hạn báo cáo ${formatVi(d.dueOn)}: ${d.taskTitle}`.slice(0, 250),
        });
      }
    }
    return cal.toString();
  }
}

/** An all-day date: ical-generator writes a date-only value from the UTC fields. */
function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `hour` o'clock in Vietnam (UTC+7, no daylight saving) as an instant, for alarms. */
function vietnamTime(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}
