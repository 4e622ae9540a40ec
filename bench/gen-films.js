// Generates a corpus of N film folders (article.txt + metadata.json) from the project's own articles (test/corpus,
// test/fixtures/films, data/films), for `filmkg build --films DIR` at scale (bench/many-films.js, the bulk-load suite).
// Each film gets a distinct title, slug and source URL; the people it names (credits, cast, accolade recipients,
// critics, authors) are renamed to one of a pool of variants, so that people recur across a few films and the number
// of people grows with the corpus as in a real filmography, not only the number of film nodes. Deterministic: the same
// N and seed give byte-identical folders. Run `npm run build:ts` first (it reads the templates with dist/pipeline.js).
// Usage: node bench/gen-films.js --films N --out DIR [--seed S] [--recur R]
import { mkdirSync, readdirSync, existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TEMPLATE_ROOTS = ['test/corpus', 'test/fixtures/films', 'data/films'];

/** A small seeded generator (mulberry32): the same seed, the same sequence on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bcdfghjklmnprstvwxz';
const VOWELS = 'aeiou';
/** Lower-case syllables spelling k ≥ 1 (k = 1 → "ba"); distinct for distinct k. */
export function syllables(k) {
  let s = '';
  let n = k;
  do {
    const x = n % (CONSONANTS.length * VOWELS.length);
    s += CONSONANTS[Math.floor(x / VOWELS.length)] + VOWELS[x % VOWELS.length];
    n = Math.floor(n / (CONSONANTS.length * VOWELS.length));
  } while (n > 0);
  return s;
}

/** Variant k of a person's name: its longest all-letter word (3 letters or more) with syllables appended; k = 0 is the name itself. */
function variantName(name, k) {
  if (k === 0) return name;
  const words = name.split(' ');
  let best = -1;
  words.forEach((w, i) => {
    if (/^\p{L}{3,}$/u.test(w) && (best < 0 || w.length > (words[best] ?? '').length)) best = i;
  });
  if (best < 0) return name;
  words[best] = `${words[best]}${syllables(k)}`;
  return words.join(' ');
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every name in `text` by its new form, longest first, through placeholders so that one replacement never
 * feeds another. A name followed by a lower-case letter is another word (`Ben` in `Benny`) and stays; one glued to the
 * word before it (`Directed byMike Figgis`, as plain-text renderings of infoboxes have it) is replaced.
 */
function replaceNames(text, renames) {
  const names = [...renames.keys()].filter((n) => n !== renames.get(n)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  let out = text;
  names.forEach((name, i) => {
    out = out.replace(new RegExp(`${escape(name)}(?!\\p{Ll})`, 'gu'), `\u0000${i}\u0000`);
  });
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => renames.get(names[Number(i)]));
}

/** The people a film's facts name (sorted, unique). */
function peopleOf(facts) {
  const names = new Set();
  for (const c of facts.credits ?? []) names.add(c.person);
  for (const c of facts.cast ?? []) if (c.actor) names.add(c.actor);
  for (const a of facts.accolades ?? []) for (const r of a.recipients ?? []) names.add(r);
  for (const r of facts.reviews ?? []) if (r.critic) names.add(r.critic);
  if (facts.basedOn?.author) names.add(facts.basedOn.author);
  return [...names].filter((n) => typeof n === 'string' && n.length >= 4).sort();
}

/** The template folders, sorted by path. */
function templateDirs() {
  const dirs = [];
  for (const root of TEMPLATE_ROOTS) {
    for (const e of readdirSync(path.join(ROOT, root), { withFileTypes: true })) {
      if (e.isDirectory() && existsSync(path.join(ROOT, root, e.name, 'article.txt'))) dirs.push(path.join(root, e.name));
    }
  }
  return dirs.sort();
}

/**
 * Writes `films` film folders under `out` (which must not exist or be empty), named `NNNNN-<template slug>` so that
 * folder order is generation order. Returns the number of distinct people named across the corpus.
 */
export async function generateFilms({ films, out, seed = 1, recur = 3 }) {
  const { loadFilm } = await import(path.join(ROOT, 'dist/pipeline.js'));
  const templates = [];
  for (const dir of templateDirs()) {
    const facts = await loadFilm(path.join(ROOT, dir));
    templates.push({ dir, text: readFileSync(path.join(ROOT, dir, 'article.txt'), 'utf8'), facts, people: peopleOf(facts) });
  }
  mkdirSync(out, { recursive: true });
  if (readdirSync(out).length > 0) throw new Error(`${out}: the folder is not empty`);
  const random = rng(seed);
  const people = new Set();
  const width = Math.max(5, String(films - 1).length);
  for (let i = 0; i < films; i++) {
    const t = templates[i % templates.length];
    const copies = Math.ceil(films / templates.length);
    // Each name gets one of `pool` variants, so a person recurs in about `recur` of the template's copies.
    const pool = Math.max(1, Math.round(copies / recur));
    const renames = new Map();
    for (const name of t.people) {
      const renamed = variantName(name, Math.floor(random() * pool));
      renames.set(name, renamed);
      people.add(renamed);
    }
    const oldTitle = t.facts.title.value;
    const word = syllables(i + 1);
    const newTitle = `${oldTitle} ${word[0].toUpperCase()}${word.slice(1)}`;
    renames.set(oldTitle, newTitle);
    const slug = `${String(i).padStart(width, '0')}-${t.facts.source.slug}`;
    const metaTitle = t.facts.source.title.includes(oldTitle) ? t.facts.source.title.replace(oldTitle, newTitle) : newTitle;
    const metadata = {
      slug,
      title: metaTitle,
      url: `https://en.wikipedia.org/wiki/${encodeURIComponent(metaTitle.replace(/ /g, '_'))}`,
      licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
      attribution: `GENERATED test article: ${t.dir}/article.txt with its title and people renamed by bench/gen-films.js (seed ${seed}); not a real film or article.`,
      retrieved: '2026-11-24',
    };
    const dir = path.join(out, slug);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'article.txt'), replaceNames(t.text, renames));
    writeFileSync(path.join(dir, 'metadata.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  }
  return { films, templates: templates.length, people: people.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { films: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, recur: { type: 'string', default: '3' }, force: { type: 'boolean', default: false } },
  });
  if (!values.out) {
    console.error('usage: node bench/gen-films.js --films N --out DIR [--seed S] [--recur R] [--force]');
    process.exit(2);
  }
  if (values.force) rmSync(values.out, { recursive: true, force: true });
  const summary = await generateFilms({ films: Number(values.films), out: values.out, seed: Number(values.seed), recur: Number(values.recur) });
  console.log(`generated ${summary.films} films from ${summary.templates} articles in ${values.out}: ${summary.people} distinct people`);
}
