// Which evidence files a report may carry, decided from the bytes (a sniffed type), never from
// the name or the Content-Type the client claims: an .exe renamed .pdf stays an .exe.

export interface DetectedType {
  ext: string;
  mime: string;
}

export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES);

/**
 * The type to store for a sniffed file, or null when it is not allowed. A bare zip (an Office
 * file the sniffer could not place, or any archive) is refused: archives hide their content.
 */
export function evidenceTypeOf(detected: DetectedType | undefined): DetectedType | null {
  if (!detected) return null;
  const mime = EVIDENCE_TYPES[detected.ext];
  return mime ? { ext: detected.ext, mime } : null;
}
