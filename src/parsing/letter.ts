// A letter's tasks are its requests to its recipients: the sentences with "đề nghị",
// "yêu cầu", "giao". Courtesy closings ("Kính đề nghị các đồng chí quan tâm, phối hợp thực
// hiện") are not tasks.

import type { Line } from './normalize.js';
import { NOI_NHAN, SIGNATURE } from './split-documents.js';
import { splitOutside } from './text-util.js';

export interface Request {
  text: string;
  start: number;
  end: number;
  /** offset of the request verb inside text */
  verbAt: number;
}

const VERB = /(?<![\p{L}])(?:kính đề nghị|đề nghị|yêu cầu|giao)(?![\p{L}])/iu;
const COURTESY = /(?:quan tâm|phối hợp(?: thực hiện)?|nghiêm túc thực hiện|thực hiện)\s*[./]*$/iu;

/** runs of non-blank lines; a line that starts a list item starts a new paragraph */
export function paragraphs(source: string, lines: Line[], from: number, to = lines.length): Line[] {
  const out: Line[] = [];
  let cur: Line | null = null;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (!l.text) {
      cur = null;
      continue;
    }
    if (cur && !/^(?:[-+•]|\d+[.)]\s|[a-zđ]\)\s)/u.test(l.text)) {
      cur.end = l.end;
      cur.text = source.slice(cur.start, cur.end).replace(/\n/g, ' ');
    } else {
      cur = { text: l.text, start: l.start, end: l.end };
      out.push(cur);
    }
  }
  return out;
}

export function findRequests(source: string, lines: Line[], from: number): Request[] {
  const out: Request[] = [];
  let to = lines.length;
  for (let i = from; i < lines.length; i++) {
    if (NOI_NHAN.test(lines[i].text) || SIGNATURE.test(lines[i].text)) {
      to = i;
      break;
    }
  }
  for (const line of paragraphs(source, lines, from, to)) {
    if (/^(?:Kính gửi|Trân trọng)/iu.test(line.text)) continue;
    const sentences = splitOutside(line.text, (s, k) =>
      s[k] === '.' && /\s/.test(s[k + 1] ?? '') && /\p{Lu}/u.test(s[k + 2] ?? '') ? 2 : 0,
    );
    for (const sentence of sentences) {
      const verb = VERB.exec(sentence.text);
      if (!verb) continue;
      // the request runs from the clause (between ";") that holds the verb
      const parts = splitOutside(sentence.text, (s, k) => (s[k] === ';' ? 1 : 0));
      const first = parts.findIndex((p) => VERB.test(p.text));
      const part = parts[first];
      const relStart =
        sentence.start + part.start + (part.text.length - part.text.trimStart().length);
      let text = line.text.slice(relStart, sentence.start + sentence.text.length).trim();
      if (!/[.!?]$/.test(text) && line.text[sentence.start + sentence.text.length] === '.')
        text += '.';
      const plain = text.replace(VERB, '').trim();
      if (text.length < 100 && COURTESY.test(plain) && !/\d{4}|gửi|báo cáo/iu.test(plain)) continue;
      const start = line.start + relStart;
      out.push({ text, start, end: start + text.length, verbAt: VERB.exec(text)!.index });
    }
  }
  return out;
}
