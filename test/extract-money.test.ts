// Money as articles write it: currencies, scales, ranges and bounds, read into exact decimal strings.
import { describe, expect, it } from 'vitest';
import { findMoney, scaleDecimal } from '../src/extract/money.js';

describe('scaleDecimal', () => {
  it.each([
    ['3.5', 6, '3500000'],
    ['49.8', 6, '49800000'],
    ['1,250,000', 0, '1250000'],
    ['0.75', 3, '750'],
    ['1.23456', 3, '1234.56'],
    ['12', 0, '12'],
    ['007', 0, '7'],
  ])('%s × 10^%i = %s', (value, zeros, expected) => {
    expect(scaleDecimal(value, zeros)).toBe(expected);
  });
});

describe('findMoney', () => {
  it.each([
    ['$3.5–4 million', { currency: 'USD', lower: '3500000', upper: '4000000', text: '$3.5–4 million' }],
    ['$49.8 million[2]', { currency: 'USD', amount: '49800000', text: '$49.8 million' }],
    ['less than $2 million marketing', { currency: 'USD', upper: '2000000', qualifier: 'less than', text: 'less than $2 million' }],
    ['under £1 million', { currency: 'GBP', upper: '1000000', qualifier: 'less than', text: 'under £1 million' }],
    ['more than €10 million', { currency: 'EUR', lower: '10000000', qualifier: 'more than', text: 'more than €10 million' }],
    ['over $100 million', { currency: 'USD', lower: '100000000', qualifier: 'over', text: 'over $100 million' }],
    ['approximately ¥1.2 billion', { currency: 'JPY', amount: '1200000000', qualifier: 'about', text: 'approximately ¥1.2 billion' }],
    ['£4.2 million', { currency: 'GBP', amount: '4200000', text: '£4.2 million' }],
    ['€2.8 million', { currency: 'EUR', amount: '2800000', text: '€2.8 million' }],
    ['US$12 million', { currency: 'USD', amount: '12000000', text: 'US$12 million' }],
    ['A$6.5 million', { currency: 'AUD', amount: '6500000', text: 'A$6.5 million' }],
    ['CA$3 million', { currency: 'CAD', amount: '3000000', text: 'CA$3 million' }],
    ['₹45 crore', { currency: 'INR', amount: '450000000', text: '₹45 crore' }],
    ['₹75 lakh', { currency: 'INR', amount: '7500000', text: '₹75 lakh' }],
    ['₩2.1 billion', { currency: 'KRW', amount: '2100000000', text: '₩2.1 billion' }],
    ['$850,000', { currency: 'USD', amount: '850000', text: '$850,000' }],
    ['$10 million–$12 million', { currency: 'USD', lower: '10000000', upper: '12000000', text: '$10 million–$12 million' }],
    ['$5 to $7 million', { currency: 'USD', lower: '5000000', upper: '7000000', text: '$5 to $7 million' }],
    ['$500 thousand – 1 million', { currency: 'USD', lower: '500000', upper: '1000000', text: '$500 thousand – 1 million' }],
  ])('reads %j', (text, expected) => {
    expect(findMoney(text)).toEqual(expected);
  });

  it('finds nothing where there is no currency', () => {
    expect(findMoney('unknown')).toBeUndefined();
    expect(findMoney('3.5 million')).toBeUndefined();
  });

  it('does not take a following word for a range', () => {
    expect(findMoney('spent $2 million to promote it')).toEqual({ currency: 'USD', amount: '2000000', text: '$2 million' });
  });
});
