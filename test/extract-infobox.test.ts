// Article layout, line helpers, dates and the infobox reader on small hand-written articles in the plain-text format.
import { describe, expect, it } from 'vitest';
import { parseDate, parseDayDate } from '../src/extract/dates.js';
import { parseInfobox } from '../src/extract/infobox.js';
import { evidence, markersIn, normalise, rawPart, stripMarkers, toLines } from '../src/extract/lines.js';
import { layout } from '../src/extract/layout.js';

describe('lines', () => {
  it('keeps the raw text and normalises U+2005, U+00A0 and runs of spaces', () => {
    const [line] = toLines('Directed\u2005byMike\u00a0\u00a0Figgis  ', 'a.txt');
    expect(line).toEqual({ no: 1, raw: 'Directed\u2005byMike\u00a0\u00a0Figgis  ', text: 'Directed byMike Figgis' });
    expect(normalise('\u2005a\u2009b\u202fc ')).toBe('a b c');
  });
  it('numbers lines from 1, accepts CRLF and ignores the final newline', () => {
    expect(toLines('a\r\nb\n', 'a.txt').map((l) => [l.no, l.raw])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
  it('reads and strips citation markers', () => {
    expect(markersIn('$3.5–4 million[2][3] Cage [a][2]')).toEqual({ refs: [2, 3], notes: ['a'] });
    expect(stripMarkers('$49.8 million[2]')).toBe('$49.8 million');
  });
  it('finds the raw text of a normalised part, and builds evidence from it', () => {
    const [line] = toLines('Box office\u2005$49.8\u00a0million[2]', 'a.txt');
    if (!line) throw new Error('no line');
    const part = rawPart(line, '$49.8 million[2]');
    expect(part).toBe('$49.8\u00a0million[2]');
    expect(evidence(line, { part: part as string })).toEqual({ line: 1, endLine: 1, text: '$49.8\u00a0million[2]', refs: [2], notes: [] });
    expect(rawPart(line, 'Budget')).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['October 27, 1995', '1995-10-27'],
    ['27 October 1995', '1995-10-27'],
    ['April 1994', '1994-04'],
    ['1995', '1995'],
    ['1995-10-27', '1995-10-27'],
    ['February 30, 1996', undefined],
    ['Octember 1, 1995', undefined],
    ['soon', undefined],
  ])('parseDate(%j) = %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
  it('parseDayDate only accepts whole days', () => {
    expect(parseDayDate('April 1994')).toBeUndefined();
    expect(parseDayDate('9 February 1996')).toBe('1996-02-09');
  });
});

const ARTICLE = [
  'To install click the Add extension button.', // 1
  '', // 2
  'Glass Harbour', // 3
  '', // 4
  'From Wikipedia, the free encyclopedia', // 5
  '', // 6
  'Glass Harbour', // 7
  'Glass harbour.jpg', // 8
  'Festival poster', // 9
  'Directed by\u2005Ines\u2005Varga', // 10
  'Written by', // 11
  '  • Ines Varga', // 12
  '  • Tom Reyes', // 13
  'Based onHarbour Lights', // 14
  'by Ada\u2005Quill', // 15
  'Narrated byOlu Bello', // 16
  'Music by', // 17
  'Production', // 18
  'companies', // 19
  '  • North Pier Films', // 20
  '  • Ostra', // 21
  'Release date', // 22
  '  • 3\u00a0May\u00a02012 (2012-05-03) (Cannes)', // 23
  'Running time', // 24
  '95 minutes', // 25
  'LanguagesEnglish', // 26
  'Aspect ratio2.39:1', // 27
  'Budget€1.2–1.5 million[1]', // 28
  '', // 29
  'Glass Harbour is a 2012 Portuguese drama film directed by Ines Varga about a lighthouse keeper and her daughter.', // 30
  '', // 31
  'YouTube Encyclopedic', // 32
  '', // 33
  '  • 1/2', // 34
  '    1 024', // 35
  '  • Glass Harbour trailer', // 36
  '', // 37
  '', // 38
  'Marta is a lighthouse keeper whose daughter, Lia, returns after ten years away from the island.', // 39
  '', // 40
  'This page was last edited on 1 March 2024, at 10:00', // 41
];

describe('layout', () => {
  const lines = toLines(ARTICLE.join('\n'), 'g.txt');
  const parts = layout(lines, 'g.txt');
  it('finds the title, the infobox, the lead, the video block and the revision line', () => {
    expect(parts.title?.no).toBe(3);
    expect(parts.infobox.map((l) => l.no)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(parts.lead.map((l) => l.no)).toEqual([30]);
    expect(parts.videoBlock.map((l) => l.no)).toEqual([32, 33, 34, 35, 36, 37, 38]);
    expect(parts.paragraphs.map((l) => l.no)).toEqual([30, 39]);
    expect(parts.revision?.no).toBe(41);
  });
  it('fails with NO_INFOBOX when the title block has no labelled rows', () => {
    const bad = toLines(['Glass Harbour', '', 'From Wikipedia, the free encyclopedia', '', 'Glass Harbour', 'Just a caption', '', 'Prose.'].join('\n'), 'g.txt');
    // No infobox anywhere in the text: the error names the text's first line.
    expect(() => layout(bad, 'g.txt')).toThrowError(expect.objectContaining({ code: 'NO_INFOBOX', place: { file: 'g.txt', line: 1 } }));
  });
});

describe('parseInfobox', () => {
  const lines = toLines(ARTICLE.join('\n'), 'g.txt');
  const box = parseInfobox(layout(lines, 'g.txt').infobox);
  const rows = box.fields.map((f) => [f.label, f.known, f.values.map((v) => v.text), f.values.map((v) => `${v.evidence.line}-${v.evidence.endLine}`)]);
  it('reads the title and the poster with its caption', () => {
    expect(box.title?.text).toBe('Glass Harbour');
    expect(box.image).toMatchObject({ file: 'Glass harbour.jpg', caption: 'Festival poster' });
  });
  it('reads glued values, bullets, "by" lines, empty rows, two-line labels, next-line values and unknown labels', () => {
    expect(rows).toEqual([
      ['Directed by', true, ['Ines Varga'], ['10-10']],
      ['Written by', true, ['Ines Varga', 'Tom Reyes'], ['12-12', '13-13']],
      ['Based on', true, ['Harbour Lights', 'by Ada Quill'], ['14-14', '14-15']],
      ['Narrated by', true, ['Olu Bello'], ['16-16']],
      ['Music by', true, [], []],
      ['Production companies', true, ['North Pier Films', 'Ostra'], ['20-20', '21-21']],
      ['Release date', true, ['3 May 2012 (2012-05-03) (Cannes)'], ['23-23']],
      ['Running time', true, ['95 minutes'], ['24-25']],
      ['Languages', true, ['English'], ['26-26']],
      ['Aspect ratio', false, ['2.39:1'], ['27-27']],
      ['Budget', true, ['€1.2–1.5 million'], ['28-28']],
    ]);
  });
  it('keeps raw text and markers in the evidence', () => {
    const budget = box.fields.find((f) => f.label === 'Budget')?.values[0];
    expect(budget?.evidence).toEqual({ line: 28, endLine: 28, text: 'Budget€1.2–1.5 million[1]', refs: [1], notes: [] });
    expect(box.fields[0]?.values[0]?.evidence.text).toBe('Directed by\u2005Ines\u2005Varga');
  });
});
