// Test support: a strict reader of calendar files' lines (RFC 5545 §3.1), stricter than the calendar clients that
// forgive long lines. Every calendar file the tests see goes through it: the unit tests', and every attachment the
// end-to-end tests read from the SMTP sink (e2e/mailbox.ts).

const MAX_OCTETS = 75;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What is wrong with the lines of a calendar file, one entry per problem ([] when none). */
export function calendarLineProblems(file: Buffer | string): string[] {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  const problems: string[] = [];
  if (!bytes.subarray(-2).equals(Buffer.from('\r\n'))) problems.push('the file does not end with CRLF');
  let start = 0;
  let number = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf('\r\n', start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    number++;
    if (line.includes(0x0a) || line.includes(0x0d)) problems.push(`line ${number}: a bare CR or LF`);
    if (line.length > MAX_OCTETS) problems.push(`line ${number}: ${line.length} octets (at most ${MAX_OCTETS})`);
    // Each physical line must decode on its own: a fold never cuts a multi-byte character in two.
    try {
      utf8.decode(line);
    } catch {
      problems.push(`line ${number}: not UTF-8 on its own (a character split by a fold)`);
    }
    if (line.length === 0 && end < bytes.length - 2) problems.push(`line ${number}: empty`);
    start = end + 2;
  }
  return problems;
}
