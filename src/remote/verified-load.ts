// `filmkg load`'s upload: the Graph Store Protocol requests of gsp.ts, checked against what the store holds before,
// during and after, so that the command never reports success when data was lost, and says what the store holds when
// it fails.
import { FilmkgError } from '../errors.js';
import type { Chunk } from './gsp.js';
import { graphUrl } from './gsp.js';
import { DEFAULT_REMOTE, displayUrl, MAX_RETRY_DELAY_MS, remoteRequest, UnsureRequestError, type RemoteOptions } from './http.js';
import type { GraphProbe } from './probe.js';

/** Options of loadVerified. */
export interface VerifiedLoadOptions extends RemoteOptions {
  /** The Graph Store Protocol endpoint. */
  readonly endpoint: string;
  /** The named graph; undefined for the store's default graph. */
  readonly graph?: string | undefined;
  /** Replace what the graph holds (the first request is a PUT) rather than add to it (POST only). */
  readonly replace: boolean;
  /** The graph seen through the store's SPARQL endpoint. */
  readonly probe: GraphProbe;
  /** Progress and retry messages (stderr). */
  readonly log?: (line: string) => void;
}

/** What a verified load did and found. */
export interface VerifiedLoadReport {
  readonly url: string;
  /** Requests, one per chunk (requests sent again are not counted). */
  readonly requests: number;
  /** Distinct triples sent. */
  readonly triples: number;
  /** The graph's triples before the load, and after. */
  readonly before: number;
  readonly after: number;
  /** Of the triples sent, those the graph held already (0 with replace: it is emptied first). */
  readonly alreadyThere: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const n = (x: number) => x.toLocaleString('en-US');
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

/** Chunk numbers as ranges: [1, 2, 3, 5] → "1–3 and 5". */
function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    parts.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What the graph holds, measured: its count and, per chunk, how many of the chunk's triples (undefined: cannot be looked up). */
interface Holding {
  readonly count: number;
  readonly present: ReadonlyArray<number | undefined>;
}

/**
 * Loads `chunks` into the graph and proves the result, or fails saying what the store holds:
 *
 * 1. Before: the graph's triple count, and (when adding to a graph that holds triples) how many of the triples to
 *    send it holds already, so that the count expected afterwards is exact: with --replace the triples sent; otherwise
 *    the count before plus the triples sent that were not there.
 * 2. Each chunk is sent; refusals (429, 503) are retried after the wait Retry-After asks for. After a failure that
 *    leaves open whether the store applied the request (no answer in time, a reset connection, 500, 502, 504), the
 *    store is asked: a chunk it holds is not sent again; a POST of triples without blank nodes that it does not hold
 *    is sent again (adding a triple twice changes nothing, so a late apply of the first attempt is harmless); a PUT,
 *    or the POST of the triples with blank nodes, is never sent again: the first attempt may still be applied later
 *    (a PUT would then wipe the chunks sent after it; blank nodes would be duplicated), so the load waits for the
 *    store to show it applied, and fails if it does not.
 * 3. After: the count must equal the count expected, and every triple sent must be there (looked up in batches, so a
 *    store whose count is wrong is caught too). Triples with blank nodes cannot be looked up; the count covers them.
 *
 * Any failure is a FilmkgError ENDPOINT whose message ends with what the graph holds now (e.g. "<g> now holds chunks
 * 1–2 of 5 (2,000 of the 4,599 triples sent) and no other triples").
 */
export async function loadVerified(chunks: readonly Chunk[], options: VerifiedLoadOptions): Promise<VerifiedLoadReport> {
  const { probe, replace } = options;
  const url = graphUrl(options.endpoint, options.graph);
  const log = options.log ?? (() => undefined);
  const retries = options.retries ?? DEFAULT_REMOTE.retries;
  const backoffMs = options.backoffMs ?? DEFAULT_REMOTE.backoffMs;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE.timeoutMs;
  const bodies: readonly Chunk[] = chunks.length === 0 && replace ? [{ lines: [], blankNodes: false }] : chunks;
  const sent = bodies.reduce((sum, chunk) => sum + chunk.lines.length, 0);
  const of = bodies.length;
  const plainGroups = bodies.map((chunk) => (chunk.blankNodes ? [] : chunk.lines));
  const blankTriples = bodies.filter((chunk) => chunk.blankNodes).reduce((sum, chunk) => sum + chunk.lines.length, 0);

  // 1. Before.
  let before: number;
  let presentBefore: number[];
  try {
    before = await probe.count();
    presentBefore = !replace && before > 0 ? await probe.presentEach(plainGroups) : plainGroups.map(() => 0);
  } catch (error) {
    throw withState(error, 'nothing was sent');
  }
  const alreadyThere = presentBefore.reduce((a, b) => a + b, 0);
  const expected = replace ? sent : before + sent - alreadyThere;
  // With --replace, a PUT is known to have been applied when the graph holds exactly its triples — unless it held
  // exactly those before.
  const first = bodies[0];
  let putIndistinguishable = false;
  if (replace && first !== undefined && before === first.lines.length) {
    putIndistinguishable = first.blankNodes || (await probe.present(first.lines).catch(() => -1)) === first.lines.length;
  }

  /** What the graph holds now, measured; undefined (with the reason) when the store cannot tell. */
  const measure = async (): Promise<Holding | string> => {
    try {
      const count = await probe.count();
      const present = await probe.presentEach(plainGroups);
      return { count, present: bodies.map((chunk, i) => (chunk.blankNodes ? undefined : present[i])) };
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  /** "<g> now holds chunks 1–2 of 5 (2,000 of the 4,599 triples sent) and 10,000 other triples". */
  const describe = (holding: Holding | string, acknowledged: number): string => {
    if (typeof holding === 'string') {
      return `what ${probe.label} holds now cannot be checked (${holding}); the store acknowledged ${acknowledged === 0 ? 'no chunk' : `chunks 1–${acknowledged}`} of ${of}`;
    }
    const complete: number[] = [];
    const partial: string[] = [];
    let found = 0;
    let unknown = 0;
    bodies.forEach((chunk, i) => {
      const present = holding.present[i];
      if (present === undefined) {
        unknown += chunk.lines.length;
        return;
      }
      found += present;
      if (present === chunk.lines.length) complete.push(i + 1);
      else if (present > 0) partial.push(`${n(present)} of the ${plural(chunk.lines.length, 'triple')} of chunk ${i + 1}`);
    });
    const plainSent = sent - unknown;
    let text: string;
    if (found === plainSent) text = `${probe.label} now holds all ${plural(plainSent, 'triple')} sent`;
    else if (found === 0) text = `${probe.label} now holds none of the ${plural(plainSent, 'triple')} sent`;
    else if (of === 1) text = `${probe.label} now holds ${n(found)} of the ${plural(plainSent, 'triple')} sent`;
    else {
      const parts = [...(complete.length > 0 ? [`chunk${complete.length === 1 ? '' : 's'} ${ranges(complete)} of ${of}`] : []), ...partial];
      text = `${probe.label} now holds ${parts.join(' and ')} (${n(found)} of the ${plural(plainSent, 'triple')} sent)`;
    }
    if (holding.count < found) text += `, yet it counts only ${plural(holding.count, 'triple')}: its count is wrong`;
    else if (unknown > 0) text += `; it counts ${plural(holding.count, 'triple')} in all (the ${plural(unknown, 'triple')} with blank nodes cannot be looked up one by one)`;
    else text += holding.count === found ? ' and no other triples' : ` and ${plural(holding.count - found, 'other triple')}`;
    if (before > 0) text += ` (before the load it held ${plural(before, 'triple')}${replace ? '' : `, ${n(alreadyThere)} of them among those sent`})`;
    return text;
  };

  /** The error `error` with what the graph holds appended. */
  function withState(error: unknown, state: string): unknown {
    if (!(error instanceof FilmkgError)) return error;
    return new FilmkgError(error.code, `${error.message}. ${state[0]?.toUpperCase()}${state.slice(1)}`, { cause: error });
  }

  /** Fails the load after a failed request: measures what the store holds and says so. */
  const failAfter = async (error: unknown, index: number): Promise<never> => {
    const holding = await measure();
    const fix = replace ? 'run the same `filmkg load --replace` again to complete it' : `run \`filmkg load\` again to add what is missing${blankTriples > 0 ? ' (the triples with blank nodes would be added again: use --replace)' : ''}`;
    throw withState(error, `chunk ${index + 1} of ${of} failed: ${describe(holding, index)}; ${fix}`);
  };

  /** Did the store apply request `index`? true / false / a reason it cannot tell. */
  const applied = async (index: number, countBefore: number): Promise<boolean | string> => {
    const chunk = bodies[index] as Chunk;
    const isPut = index === 0 && replace;
    const count = await probe.count();
    if (isPut) {
      const holdsIt = count === chunk.lines.length && (chunk.blankNodes || (await probe.present(chunk.lines)) === chunk.lines.length);
      // Held exactly these triples before too: a late apply would set the same triples, harmless unless chunks follow.
      if (putIndistinguishable) return holdsIt && of === 1 ? true : 'the graph held exactly these triples before it';
      return holdsIt;
    }
    if (chunk.blankNodes) {
      if (count === countBefore + chunk.lines.length) return true;
      if (count === countBefore) return false;
      return `the graph went from ${plural(countBefore, 'triple')} to ${n(count)}, not by the ${n(chunk.lines.length)} sent`;
    }
    return (await probe.present(chunk.lines)) === chunk.lines.length;
  };

  // 2. The requests.
  let countBeforeChunk = before;
  for (const [index, chunk] of bodies.entries()) {
    const method = index === 0 && replace ? 'PUT' : 'POST';
    const what = `${method} of chunk ${index + 1} of ${of}`;
    const body = chunk.lines.join('');
    for (let resend = 0; ; resend++) {
      try {
        await remoteRequest(method, url, { headers: { 'content-type': 'application/n-triples; charset=utf-8' }, body }, { ...options, retryUnsure: false });
        break;
      } catch (error) {
        if (!(error instanceof UnsureRequestError)) await failAfter(error, index);
        const reason = (error as UnsureRequestError).reason;
        let state: boolean | string;
        try {
          state = await applied(index, countBeforeChunk);
        } catch (checkError) {
          const why = checkError instanceof Error ? checkError.message : String(checkError);
          return failAfter(new FilmkgError('ENDPOINT', `${what} failed (${reason}), and whether the store applied it cannot be checked: ${why}`, { place: { file: displayUrl(url) } }), index);
        }
        if (state === true) {
          log(`filmkg load: ${what}: ${reason}; the store applied it (checked): not sent again\n`);
          break;
        }
        const safeToResend = method === 'POST' && !chunk.blankNodes;
        if (safeToResend && state === false) {
          if (resend >= retries) await failAfter(error, index);
          const delayMs = Math.min(backoffMs * 2 ** resend, MAX_RETRY_DELAY_MS);
          log(`filmkg load: ${what}: ${reason}; the store has not applied it (checked): sending it again in ${delayMs} ms\n`);
          await sleep(delayMs);
          continue;
        }
        if (typeof state === 'string') await failAfter(new FilmkgError('ENDPOINT', `${what} failed (${reason}), and whether the store applied it cannot be told: ${state}; not sent again`, { place: { file: displayUrl(url) } }), index);
        // A PUT, or blank nodes: sending again is unsafe while the first attempt may still be applied. Wait for it.
        const windowMs = Math.min(timeoutMs, MAX_RETRY_DELAY_MS);
        log(`filmkg load: ${what}: ${reason}; not applied yet: waiting up to ${windowMs} ms for the store to apply it (it is not sent again: ${method === 'PUT' ? 'a late PUT would wipe the chunks sent after it' : 'its blank nodes would be duplicated'})\n`);
        const started = Date.now();
        let landed = false;
        for (let poll = 0; !landed && Date.now() - started < windowMs; poll++) {
          await sleep(Math.min(backoffMs * 2 ** poll, Math.max(1, windowMs - (Date.now() - started))));
          landed = (await applied(index, countBeforeChunk).catch(() => false)) === true;
        }
        if (landed) {
          log(`filmkg load: ${what}: the store applied it late (checked)\n`);
          break;
        }
        await failAfter(
          new FilmkgError('ENDPOINT', `${what} failed (${reason}) and the store had not applied it ${windowMs} ms later; it was not sent again, and the store may still apply it${method === 'PUT' ? `, replacing the graph with that chunk's ${plural(chunk.lines.length, 'triple')}` : ''}`, {
            place: { file: displayUrl(url) },
            expected: `an answer within --timeout ${timeoutMs} ms (raise it for a slow store)`,
          }),
          index,
        );
      }
    }
    countBeforeChunk = chunk.blankNodes ? countBeforeChunk + chunk.lines.length : countBeforeChunk;
  }

  // 3. After.
  const holding = await measure();
  if (typeof holding === 'string') {
    throw new FilmkgError('ENDPOINT', `every request was acknowledged, but ${describe(holding, of)}`, { expected: 'a SPARQL endpoint that answers the checks' });
  }
  const found = holding.present.reduce<number>((sum, x) => sum + (x ?? 0), 0);
  const plainSent = sent - blankTriples;
  if (found !== plainSent || holding.count !== expected) {
    const why =
      found !== plainSent
        ? `${n(plainSent - found)} of the triples sent ${plainSent - found === 1 ? 'is' : 'are'} missing`
        : `the store counts ${plural(holding.count, 'triple')} in ${probe.label}, expected ${n(expected)} (${replace ? 'the triples sent' : `${n(before)} before + ${n(sent - alreadyThere)} sent that were not there`})${holding.count > expected ? ': someone else wrote to the graph meanwhile, or its count is wrong' : ''}`;
    throw new FilmkgError('ENDPOINT', `after loading, ${why}. ${capitalise(describe(holding, of))}`, { place: { file: displayUrl(url) } });
  }
  return { url: displayUrl(url), requests: of, triples: sent, before, after: holding.count, alreadyThere };
}

function capitalise(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
