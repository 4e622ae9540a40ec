// Dates as Wikipedia writes them ("October 27, 1995", "30 May 2023", "April 1994", "(1995)") turned into ISO forms.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A regular-expression source matching a month name. */
export const MONTH_PATTERN = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A regular-expression source matching "October 27, 1995" or "27 October 1995". */
export const DAY_DATE_PATTERN = `(?:${MONTH_PATTERN} \\d{1,2}, \\d{4}|\\d{1,2} ${MONTH_PATTERN} \\d{4})`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Parses a date written as "October 27, 1995", "27 October 1995", "October 1995", "1995" or an ISO
 * "1995-10-27" into `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Returns undefined when the text is not a date.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? t : undefined;
  m = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(t) ?? null;
  if (m) {
    const month = monthNumber(m[1] as string);
    const y = Number(m[3]);
    const d = Number(m[2]);
    return month && validDay(y, month, d) ? `${y}-${pad(month)}-${pad(d)}` : undefined;
  }
  m = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2] as string);
    const y = Number(m[3]);
    const d = Number(m[1]);
    return month && validDay(y, month, d) ? `${y}-${pad(month)}-${pad(d)}` : undefined;
  }
  m = /^([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1] as string);
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return t;
  return undefined;
}

/** Like parseDate, but only full dates (`YYYY-MM-DD`). */
export function parseDayDate(text: string): string | undefined {
  const d = parseDate(text);
  return d !== undefined && d.length === 10 ? d : undefined;
}
