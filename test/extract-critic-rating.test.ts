// A critic's own rating read from review prose: only with its scale written, never above it.
import { describe, expect, it } from 'vitest';
import { readCriticRating } from '../src/extract/critic-rating.js';

describe('readCriticRating', () => {
  it.each([
    ['four stars out of five', '4', '5'],
    ['four stars out of five, and more', '4', '5'],
    ['three and a half stars out of four', '3.5', '4'],
    ['three-and-a-half out of four stars', '3.5', '4'],
    ['a score of 8 out of 10', '8', '10'],
    ['3.5/4 stars', '3.5', '4'],
    ['a 4/5 rating', '4', '5'],
    ['half a star out of four', undefined, undefined],
  ])('%s', (text, value, best) => {
    const r = readCriticRating(text);
    expect(r === undefined ? [undefined, undefined] : [r.value, r.best]).toEqual([value, best]);
  });

  it('reads nothing without a scale, or above it', () => {
    expect(readCriticRating('four stars')).toBeUndefined();
    expect(readCriticRating('high marks')).toBeUndefined();
    expect(readCriticRating('six stars out of five')).toBeUndefined();
    expect(readCriticRating('9/4')).toBeUndefined();
  });
});
