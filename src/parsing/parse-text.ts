// Text in, ParseResult out: normalize, split into documents, read each header, find the
// "Tổ chức thực hiện" clauses (or a letter's requests), and read each clause's parties, roles,
// cadence, milestones and deadlines. Pure: no I/O beyond the text and the directory given.

import type { PartyDirectory } from './directory.js';
import { findCadence } from './cadence.js';
import { buildClauses } from './clauses.js';
import { findDeadlines } from './deadlines.js';
import { type Header, extractHeader } from './header.js';
import {
  combineIssuer,
  localityOf,
  nameIssuer,
  provinceInIssuer,
  provinceInText,
  recase,
} from './issuer.js';
import { findRequests } from './letter.js';
import { findMilestones } from './milestones.js';
import { normalize } from './normalize.js';
import type {
  Clause,
  DocumentKind,
  ParseResult,
  ParsedDocument,
  Party,
  Warning,
} from './parse-result.js';
import { type Locality, type NamedParty, PartyResolver } from './parties.js';
import { addressees, closingRecipients, kinhGuiParties, recipientsOf } from './recipients.js';
import { analyzeClause, isIntroduction, subjectOf } from './roles.js';
import {
  type Section,
  findAssigningArticle,
  findOrganizationSection,
  findRequestedList,
  findTargetLines,
} from './sections.js';
import { type DocumentSpan, splitDocuments } from './split-documents.js';
import { findTargets } from './targets.js';
import { dmy } from './text-util.js';
import { parseDate } from './dates.js';

export interface ParseOptions {
  directory?: PartyDirectory;
  filename?: string;
}

const NEEDS_SECTION: DocumentKind[] = ['NQ', 'CT', 'CTR', 'KH', 'HD', 'KL', 'QD'];
const LETTERS: DocumentKind[] = ['CV', 'TB', 'CD', 'TTR', 'BC', 'OTHER'];

interface Prepared {
  span: DocumentSpan;
  header: Header;
  issuerMention: string | null;
  issuerCombined: string | null;
  locality: Partial<Locality>;
}

function prepare(span: DocumentSpan): Prepared {
  const header = extractHeader(span.lines);
  let issuerMention: string | null = null;
  let issuerCombined: string | null = null;
  if (header.issuerLines.length) {
    issuerMention = header.issuerLines.join(' ');
    issuerCombined = combineIssuer(header.issuerLines);
  } else if (header.issuerInTitle) {
    issuerMention = header.issuerInTitle;
    issuerCombined = recase(header.issuerInTitle);
  } else if (header.issuerInSignature) {
    issuerMention = header.issuerInSignature;
    issuerCombined = recase(header.issuerInSignature);
  }
  return {
    span,
    header,
    issuerMention,
    issuerCombined,
    locality: issuerCombined
      ? {
          ...localityOf(issuerCombined),
          ...(localityOf(issuerCombined).province
            ? {}
            : { province: provinceInIssuer(header.issuerLines) ?? undefined }),
        }
      : {},
  };
}

function periodOf(
  title: string | null,
  fromYear: number | null,
  letter: boolean,
): ParsedDocument['period'] {
  if (!title) return null;
  const range = /(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(title);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const until = /(?:đến|tới)\s+năm\s+(\d{4})/iu.exec(title);
  if (until) return { from: fromYear, to: Number(until[1]) };
  const year = letter ? null : /(?<![\p{L}])năm\s+(\d{4})\s*$/iu.exec(title);
  if (year) return { from: Number(year[1]), to: Number(year[1]) };
  return null;
}

const CITATION =
  /(Công văn|Nghị quyết|Chỉ thị|Kế hoạch|Quyết định|Thông báo|Kết luận|Hướng dẫn|Chương trình|Tờ trình|Báo cáo|Quy định)\s+(?:số\s+)?(\d[\p{L}\d\-/.]*)\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2}(?:\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))/gu;

function citedAfter(body: string, issuedOn: string): Warning | null {
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(body); m; m = CITATION.exec(body)) {
    const date = parseDate(`ngày ${m[3].includes('/') ? m[3].replace(/\s/g, '') : m[3]}`);
    if (date && date > issuedOn) {
      return {
        code: 'date_before_cited_document',
        message: `Văn bản đề ngày ${dmy(issuedOn)} nhưng dẫn ${m[1]} ${m[2]} ngày ${dmy(date)}.`,
      };
    }
  }
  return null;
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const source = normalize(text);
  const spans = splitDocuments(source);
  const prepared = spans.map(prepare);
  const isLetter = (p: Prepared) =>
    LETTERS.includes(p.header.kind) && !findOrganizationSection(p.span.lines, p.header.bodyStart);
  // a letter carries the document after it; any document carries its attachment
  const carries = prepared.map((p, k) =>
    k + 1 < prepared.length && (isLetter(p) || prepared[k + 1].header.attached) ? k + 1 : null,
  );
  const carriedBy: (number | null)[] = prepared.map(() => null);
  carries.forEach((to, from) => {
    if (to !== null) carriedBy[to] = from;
  });
  const anyProvince = prepared.map((p) => p.locality.province).find((x) => x) ?? null;

  const documents = prepared.map((p, k): ParsedDocument => {
    const { header: h, span } = p;
    const carrier = carriedBy[k];
    const carrierPrep = carrier !== null ? prepared[carrier] : null;
    const docText = source.slice(span.start, span.end);
    const warnings: Warning[] = [];
    // an attachment is issued with the document that carries it
    let issuedOn = h.issuedOn ?? (h.attached && carrierPrep ? carrierPrep.header.issuedOn : null);
    if (!issuedOn && h.signatureDate) {
      issuedOn = h.signatureDate;
      warnings.push({
        code: 'date_from_signature',
        message: `Không có dòng địa danh, ngày tháng; ngày ban hành ${dmy(issuedOn)} lấy từ chữ ký số (Ngày ký: ${h.signatureRaw}).`,
      });
    }
    const ctx: Locality = {
      province:
        p.locality.province ??
        provinceInText(h.title ?? '') ??
        carrierPrep?.locality.province ??
        provinceInText(docText) ??
        anyProvince,
      district: p.locality.district ?? null,
      level: p.locality.level ?? carrierPrep?.locality.level ?? 'province',
      committee: p.locality.committee ?? null,
      // an undated draft is read as of the letter that carries it
      asOf: issuedOn ?? carrierPrep?.header.issuedOn ?? carrierPrep?.header.signatureDate ?? null,
    };
    const resolver = new PartyResolver(options.directory, ctx);
    const toParties = (list: NamedParty[]): Party[] => list.map((x) => resolver.toParty(x));

    const own = p.issuerMention ? p : h.attached && carrierPrep ? carrierPrep : p;
    const issuer =
      own.issuerMention && own.issuerCombined
        ? resolver.toParty({
            mention: own.issuerMention,
            name: nameIssuer(own.issuerCombined, ctx),
            group: false,
          })
        : null;

    const kg = addressees(span.lines, h.bodyStart);
    const recipients = recipientsOf(kg.parties, closingRecipients(span.lines), ctx);

    let section: Section | null = findOrganizationSection(span.lines, h.bodyStart);
    if (!section && h.kind === 'QD') section = findAssigningArticle(span.lines);
    if (!section) section = findRequestedList(span.lines, h.bodyStart);
    const addressed = kinhGuiParties(kg.parties, ctx);

    const clauses: Clause[] = [];
    let relativeUnresolved = false;
    const addClause = (
      sectionLabel: string | null,
      ordinal: string,
      text: string,
      start: number,
      end: number,
      roles: ReturnType<typeof analyzeClause>,
    ) => {
      const dl = findDeadlines(text, issuedOn);
      relativeUnresolved ||= dl.unresolvedRelative;
      clauses.push({
        section: sectionLabel,
        ordinal,
        text,
        leads: toParties(roles.leads),
        coordinators: toParties(roles.coordinators),
        reportTo: toParties(roles.reportTo),
        actions: roles.actions,
        cadence: findCadence(text, dl.dates.length > 0),
        milestones: findMilestones(text),
        deadlines: dl.dates,
        start,
        end,
      });
    };

    if (section) {
      const intro = section.headingRest
        ? {
            text: section.headingRest,
            start: section.headingRestStart,
            end: section.headingRestStart + section.headingRest.length,
          }
        : null;
      for (const raw of buildClauses(source, section.lines, intro, isIntroduction)) {
        const roles = analyzeClause(raw.text, ctx, raw.inherited);
        if (!roles.leads.length && section.inherit) roles.leads = subjectOf(section.inherit, ctx);
        if (!roles.leads.length && LETTERS.includes(h.kind)) roles.leads = addressed;
        addClause(section.label, raw.ordinal, raw.text, raw.start, raw.end, roles);
      }
    } else if (!NEEDS_SECTION.includes(h.kind)) {
      const requests = findRequests(
        source,
        span.lines,
        kg.end > h.bodyStart ? kg.end : h.bodyStart,
      );
      requests.forEach((r, n) => {
        const roles = analyzeClause(r.text.slice(r.verbAt), ctx, null);
        if ((!roles.leads.length || roles.leads.every((x) => x.group)) && addressed.length) {
          roles.leads = addressed;
        }
        addClause(null, String(n + 1), r.text, r.start, r.end, roles);
      });
    }

    for (const c of clauses) {
      if (!c.leads.length) {
        const where = c.section ? `${c.section}.${c.ordinal}` : c.ordinal;
        warnings.push({
          code: 'clause_without_lead',
          clause: where,
          message: `Khoản ${where} không nêu cơ quan chủ trì; cần xác định cơ quan thực hiện.`,
        });
      }
    }
    const carriesAttachment = carries[k] !== null && prepared[carries[k]!].header.attached;
    if (!section && NEEDS_SECTION.includes(h.kind) && !carriesAttachment) {
      warnings.push({
        code: 'missing_section',
        message: 'Không tìm thấy phần "Tổ chức thực hiện"; cần giao nhiệm vụ thủ công.',
      });
    }
    if (issuedOn) {
      const cited = citedAfter(docText, issuedOn);
      const carried = carries[k] !== null ? prepared[carries[k]!] : null;
      const carriedDate = carried?.header.issuedOn ?? carried?.header.signatureDate ?? null;
      if (cited) warnings.push(cited);
      else if (carriedDate && carriedDate > issuedOn) {
        warnings.push({
          code: 'date_before_cited_document',
          message: `Văn bản đề ngày ${dmy(issuedOn)} nhưng văn bản được chuyển kèm đề ngày ${dmy(carriedDate)}.`,
        });
      }
    }
    if (relativeUnresolved) {
      warnings.push({
        code: 'deadline_from_issue_without_date',
        message: 'Thời hạn tính từ ngày ban hành nhưng văn bản chưa có ngày ban hành.',
      });
    }
    if (!h.isDraft && !h.attached && (!h.number || !issuedOn)) {
      const missing = [!h.number && 'số', !issuedOn && 'ngày tháng', !h.place && 'địa danh']
        .filter(Boolean)
        .join(', ');
      const signed = h.signatureLabel ? `Văn bản đã ký (${h.signatureLabel})` : 'Văn bản';
      warnings.push({
        code: 'missing_number_date_place',
        message: `${signed} và không ghi dự thảo nhưng thiếu ${missing}.`,
      });
    }
    const unresolved = [...new Set(resolver.unresolved)];
    for (const mention of unresolved) {
      warnings.push({
        code: 'unresolved_mention',
        message: `Không tìm thấy "${mention}" trong danh mục cơ quan.`,
      });
    }

    const fromYear = issuedOn
      ? Number(issuedOn.slice(0, 4))
      : carrierPrep?.header.issuedOn
        ? Number(carrierPrep.header.issuedOn.slice(0, 4))
        : carrierPrep?.header.signatureDate
          ? Number(carrierPrep.header.signatureDate.slice(0, 4))
          : null;
    return {
      kind: h.kind,
      number: h.number,
      issuer,
      issuedOn,
      place: h.place,
      title: h.title,
      isDraft: h.isDraft,
      recipients: toParties(recipients),
      period: periodOf(h.title, fromYear, LETTERS.includes(h.kind)),
      targets: findTargets(findTargetLines(span.lines)),
      clauses,
      warnings,
      carries: carries[k],
      carriedBy: carrier,
      start: span.start,
      end: span.end,
    };
  });
  return { documents };
}
