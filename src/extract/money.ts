// Amounts of money as infoboxes and prose write them ("$3.5–4 million", "£12 million", "less than $2 million") as exact decimals.

/** Currency signs and prefixes, longest first, with their ISO 4217 codes. */
const CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['CHF', 'CHF'],
];

const SCALES: Record<string, number> = { thousand: 3, million: 6, billion: 9 };
const QUALIFIERS = ['less than', 'more than', 'about', 'over'] as const;

/** A parsed amount: exact figure or bounds, in whole units, as decimal strings. */
export interface ParsedMoney {
  currency: string;
  amount?: string;
  lower?: string;
  upper?: string;
  qualifier?: (typeof QUALIFIERS)[number];
  /** The matched text, normalised. */
  text: string;
}

/** Multiplies a decimal string by 10^zeros exactly (no floating point): ("3.5", 6) → "3500000". */
export function scaleDecimal(value: string, zeros: number): string {
  const clean = value.replace(/,/g, '');
  const [int = '0', frac = ''] = clean.split('.');
  const digits = int + frac.padEnd(zeros, '0');
  const point = int.length + zeros;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CURRENCY_RE = CURRENCIES.map(([sign]) => escapeRe(sign)).join('|');
const NUMBER = '\\d[\\d,]*(?:\\.\\d+)?';
const MONEY_RE = new RegExp(
  `(?:(${QUALIFIERS.join('|')}) )?(${CURRENCY_RE}) ?(${NUMBER})(?: ?(million|billion|thousand))?(?: ?[–-] ?(?:${CURRENCY_RE})? ?(${NUMBER}))?(?: ?(million|billion|thousand))?`,
);

/**
 * Finds the first amount of money in `text` (already normalised, markers stripped). A range
 * shares the scale word written after its upper bound (`$3.5–4 million` → 3500000–4000000).
 */
export function findMoney(text: string): ParsedMoney | undefined {
  const m = MONEY_RE.exec(text);
  if (!m) return undefined;
  const [matched, qualifier, sign, first, firstScale, second, secondScale] = m;
  const currency = CURRENCIES.find(([s]) => s === sign)?.[1] ?? 'USD';
  const scaleWord = secondScale ?? firstScale;
  const zeros = scaleWord ? (SCALES[scaleWord] ?? 0) : 0;
  const out: ParsedMoney = { currency, text: matched.trim() };
  if (qualifier) out.qualifier = qualifier as ParsedMoney['qualifier'];
  if (second !== undefined) {
    out.lower = scaleDecimal(first as string, firstScale ? (SCALES[firstScale] ?? 0) : zeros);
    out.upper = scaleDecimal(second, zeros);
  } else if (qualifier === 'less than') {
    out.upper = scaleDecimal(first as string, zeros);
  } else if (qualifier === 'more than' || qualifier === 'over') {
    out.lower = scaleDecimal(first as string, zeros);
  } else {
    out.amount = scaleDecimal(first as string, zeros);
  }
  return out;
}
