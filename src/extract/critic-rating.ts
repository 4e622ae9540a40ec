// A critic's own rating, as review prose writes it: "gave the film four stars out of five", "three and a half stars
// out of four", "3.5/4 stars", "a score of 8 out of 10". Read only when the scale is written: "gave the film four
// stars" alone names no best value (four of four? of five?), and schema.org reads a missing bestRating as 5, so
// writing one would be a guess (docs/extraction.md, "Critics' ratings").

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, half: 0.5,
};

/** A critic's rating: the value and best value as decimals, and the words that gave them. */
export interface CriticRating {
  value: string;
  best: string;
  text: string;
}

function amount(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

function decimal(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const NUM = String.raw`\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten`;
// "four stars out of five", "three and a half stars out of four", "three-and-a-half out of four stars", "½" not handled.
const WORDS = new RegExp(String.raw`\b(${NUM}|half)(?:[ -]and[ -]a[ -]half)?(?: (?:stars?|points?))? out of (${NUM})(?: stars?| points?)?\b`, 'i');
// "3.5/4", "4/5 stars", "8/10".
const SLASH = /\b(\d+(?:\.\d+)?)\s?\/\s?(\d+(?:\.\d+)?)\b(?: stars?)?/;

/** The rating in `text` (the words after "gave the film"), or undefined when no rating with its scale is written. */
export function readCriticRating(text: string): CriticRating | undefined {
  const words = WORDS.exec(text);
  if (words) {
    const base = amount(words[1] as string);
    const best = amount(words[2] as string);
    if (base === undefined || best === undefined) return undefined;
    const value = base + (/and[ -]a[ -]half/i.test(words[0]) ? 0.5 : 0);
    return value <= best && best > 0 ? { value: decimal(value), best: decimal(best), text: words[0] } : undefined;
  }
  const slash = SLASH.exec(text);
  if (slash) {
    const value = Number(slash[1]);
    const best = Number(slash[2]);
    return value <= best && best > 0 ? { value: decimal(value), best: decimal(best), text: slash[0] } : undefined;
  }
  return undefined;
}
