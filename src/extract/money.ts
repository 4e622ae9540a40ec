// Amounts of money as infoboxes and prose write them ("$3.5–4 million", "£12 million", "less than $2 million") as exact decimals.

/** Currency signs and prefixes with their ISO 4217 codes; matched longest first ("US$" before "$"). */
const CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['R$', 'BRL'],
  ['CN¥', 'CNY'],
  ['RMB', 'CNY'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₤', 'ITL'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['฿', 'THB'],
  ['NT$', 'TWD'],
  ['S$', 'SGD'],
  ['Rs.', 'INR'],
  ['CHF', 'CHF'],
];

/** Scale words and the power of ten they stand for (crore and lakh as Indian articles write them). */
const SCALES: Record<string, number> = { thousand: 3, lakh: 5, million: 6, crore: 7, billion: 9 };
const SCALE_RE = Object.keys(SCALES).join('|');

/** How the model records a bound, and the words articles use for it. */
const QUALIFIER_WORDS: Record<string, 'less than' | 'more than' | 'about' | 'over'> = {
  'less than': 'less than',
  under: 'less than',
  'more than': 'more than',
  over: 'over',
  about: 'about',
  around: 'about',
  approximately: 'about',
  roughly: 'about',
  'an estimated': 'about',
  'est.': 'about',
};

/** A parsed amount: exact figure or bounds, in whole units, as decimal strings. */
export interface ParsedMoney {
  currency: string;
  amount?: string;
  lower?: string;
  upper?: string;
  qualifier?: 'less than' | 'more than' | 'about' | 'over';
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

const CURRENCY_RE = [...CURRENCIES].sort((a, b) => b[0].length - a[0].length).map(([sign]) => escapeRe(sign)).join('|');
const QUALIFIER_RE = Object.keys(QUALIFIER_WORDS).sort((a, b) => b.length - a.length).map(escapeRe).join('|');
/** A figure: digits with thousands commas and an optional decimal part. */
const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const MONEY_RE = new RegExp(
  `(?:\\b(${QUALIFIER_RE}) )?(${CURRENCY_RE}) ?(${NUMBER})(?: (${SCALE_RE})\\b)?` +
    `(?: ?(?:[–—-]|to) ?(?:${CURRENCY_RE})? ?(${NUMBER})(?: (${SCALE_RE})\\b)?)?`,
  'i',
);

/**
 * Finds the first amount of money in `text` (normalised: plain spaces; markers may remain). A range
 * shares the scale word written after its upper bound (`$3.5–4 million` → 3500000–4000000);
 * a bound keeps its qualifier (`less than $2 million` → upper 2000000).
 */
export function findMoney(text: string): ParsedMoney | undefined {
  const m = MONEY_RE.exec(text);
  if (!m) return undefined;
  const [matched, qualifierWord, sign, first, firstScale, second, secondScale] = m;
  const currency = CURRENCIES.find(([s]) => s.toLowerCase() === (sign as string).toLowerCase())?.[1] ?? 'USD';
  const zerosOf = (word: string | undefined) => (word ? (SCALES[word.toLowerCase()] ?? 0) : 0);
  const out: ParsedMoney = { currency, text: matched.trim() };
  const qualifier = qualifierWord ? QUALIFIER_WORDS[qualifierWord.toLowerCase()] : undefined;
  if (qualifier) out.qualifier = qualifier;
  if (second !== undefined) {
    // "$3.5–4 million": the lower bound takes the upper's scale unless it has its own.
    out.lower = scaleDecimal(first as string, zerosOf(firstScale ?? secondScale));
    out.upper = scaleDecimal(second, zerosOf(secondScale ?? firstScale));
  } else if (qualifier === 'less than') {
    out.upper = scaleDecimal(first as string, zerosOf(firstScale));
  } else if (qualifier === 'more than' || qualifier === 'over') {
    out.lower = scaleDecimal(first as string, zerosOf(firstScale));
  } else {
    out.amount = scaleDecimal(first as string, zerosOf(firstScale));
  }
  return out;
}
