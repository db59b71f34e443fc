const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A calendar date as a whole number of days since 1970-01-01, computed in
 * UTC so that the machine's time zone never moves a date. Returns null for
 * text that is not a real YYYY-MM-DD date (2026-02-30 included).
 */
export function toDay(text: string): number | null {
  // Inventories repeat a few hundred dates; the answer never changes.
  let day = known.get(text);
  if (day === undefined) {
    day = parseDay(text);
    if (known.size < 10_000) known.set(text, day);
  }
  return day;
}

const known = new Map<string, number | null>();

function parseDay(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** The YYYY-MM-DD text of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
