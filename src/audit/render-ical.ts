import type { AuditItem } from './audit-item.js';
import type { AuditReport } from './audit-inventory.js';

const CALENDAR_KINDS = new Set<AuditItem['kind']>([
  'rotation-due',
  'rotation-overdue',
  'credential-expiring',
  'credential-expired',
  'review-due',
  'review-overdue',
  'waiver-expiring',
]);

/**
 * An iCalendar (RFC 5545) file with one all-day event per rotation, expiry
 * or review, so owners can subscribe to what is coming. UIDs are stable, so
 * a calendar that re-imports the file updates events instead of adding more.
 */
export function renderIcal(report: AuditReport): string {
  const stamp = `${report.today.replace(/-/g, '')}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//nhi-policy//audit//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:nhi-policy due dates',
  ];
  for (const item of report.items.filter((i) => CALENDAR_KINDS.has(i.kind))) {
    const start = item.due.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(item.key)}@nhi-policy`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${nextDay(item.due)}`,
      `SUMMARY:${escapeText(`[${item.team}] ${item.identity}: ${item.title}`)}`,
      `DESCRIPTION:${escapeText(`${item.file}\nChecklist: ${item.step}${item.verifier ? `\nVerified by: ${item.verifier}` : ''}`)}`,
      `CATEGORIES:${escapeText(item.team)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.flatMap(fold).join('\r\n')}\r\n`;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = Buffer.byteLength(ch);
    if (size + bytes > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.map((part, i) => (i === 0 ? part : ` ${part}`));
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}
