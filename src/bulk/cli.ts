// The streamed `filmkg build` on the command line: checks its options, shows progress, prints the summary.
import os from 'node:os';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { EXIT } from '../cli/command.js';
import type { CliIo } from '../cli/io.js';
import { buildMany, filmDirs, DEFAULT_SHARD_TRIPLES, BULK_DIR, type Progress } from './build-many.js';
import type { BulkValues } from './options.js';

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(text)) throw new FilmkgError('USAGE', `${flag} takes a whole number of at least 1 (see filmkg build --help)`, { found: text });
  return Number(text);
}

const int = (n: number): string => n.toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** One progress line: films done / total, triples, films/s, time left. */
export function progressLine(p: Progress): string {
  const rate = p.done / Math.max(p.ms / 1000, 1e-3);
  const left = rate > 0 ? ((p.total - p.done) / rate) * 1000 : 0;
  return `filmkg build: ${int(p.done)}/${int(p.total)} films, ${int(p.mapped)} triples mapped, ${rate.toFixed(1)} films/s, ${duration(left)} left${p.skipped > 0 ? `, ${int(p.skipped)} skipped` : ''}`;
}

/** Runs the streamed build; `shown` gives a path as the user would type it. */
export async function runStreamedBuild(values: BulkValues, context: { io: CliIo; filmsDir: string; outDir: string; base: string; shown: (file: string) => string }): Promise<number> {
  const { io, shown } = context;
  const jobs = positiveInteger('--jobs', values.jobs, os.availableParallelism());
  const shardTriples = positiveInteger('--shard-size', values['shard-size'], DEFAULT_SHARD_TRIPLES);
  const badFilms = values['bad-films'] ?? 'fail';
  if (badFilms !== 'fail' && badFilms !== 'skip') throw new FilmkgError('USAGE', '--bad-films takes fail or skip (see filmkg build --help)', { found: badFilms });
  const dirs = await filmDirs(context.filmsDir, shown);
  // A terminal gets a progress line redrawn in place; a pipe or a file, only the summary. Only the real process's
  // stderr can be a terminal (tests pass their own io and env).
  const tty = io.env === process.env && process.stderr.isTTY === true;
  let drawn = 0;
  const report = await buildMany({
    dirs,
    outDir: context.outDir,
    base: context.base,
    jobs,
    shardTriples,
    badFilms,
    pages: values['no-pages'] !== true,
    show: shown,
    onSkip: (dir, message) => io.stderr(`${tty ? '\r\x1b[K' : ''}filmkg build: skipped ${dir}: ${message.split('\n')[0] ?? ''}\n`),
    ...(tty
      ? {
          onProgress: (p: Progress) => {
            const now = performance.now();
            if (p.done < p.total && now - drawn < 200) return;
            drawn = now;
            io.stderr(`\r\x1b[K${progressLine(p)}`);
          },
        }
      : {}),
  });
  if (tty) io.stderr('\r\x1b[K');
  for (const warning of report.output.warnings) io.stderr(`filmkg build: warning: ${warning}\n`);
  const seconds = report.ms / 1000;
  const rss = process.resourceUsage().maxRSS / 1024;
  io.stdout(
    `built ${int(report.films)} film(s)${report.skipped.length > 0 ? ` (${int(report.skipped.length)} skipped)` : ''}: ${int(report.triples)} triples in ${report.shards.length} shard(s) in ${shown(path.join(context.outDir, BULK_DIR))}, ` +
      `${(report.films / seconds).toFixed(1)} films/s, ${int(Math.round(report.triples / seconds))} triples/s, ${seconds.toFixed(1)} s, ${jobs} thread(s), peak RSS ${rss.toFixed(0)} MB\n`,
  );
  return EXIT.ok;
}
