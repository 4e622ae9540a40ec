// Review aggregators in the reception prose: Rotten Tomatoes (approval and average), Metacritic (metascore) and
// CinemaScore (letter grade), in the phrasings articles use, with counts, consensus and verdicts. A sentence about
// another film (a sequel, the predecessor, a remake) is not this film's score: it is reported, not read.
import type { Diagnostic, Evidence, ReviewScore } from '../facts/model.js';
import { diag, type Read } from './diagnostics.js';
import { evidence, rawPart, stripMarkers } from './lines.js';
import { sentenceEvidence, type Sentence } from './prose.js';

const OTHER_FILM = /\b(?:sequel|predecessor|prequel|original film|first film|previous film|previous installment|remake|the original|its successor|spin-off|the franchise|the series|by comparison|in comparison|compared with|compared to)\b/i;
const PERCENT = '(\\d+(?:\\.\\d+)?)(?:%| percent)';

/** Reads the aggregator figures of the reception sentences. `title` is the film's, to tell its scores from another film's. */
export function readReviewScores(all: readonly Sentence[], title?: string): Read<ReviewScore[]> {
  const out: ReviewScore[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < all.length; i++) {
    const s = all[i] as Sentence;
    const t = stripMarkers(s.text);
    const aggregators = /\b(?:Rotten Tomatoes|Metacritic|CinemaScore)\b/.test(t);
    if (!aggregators) continue;
    const mentionsOther = OTHER_FILM.test(t) && !(title !== undefined && t.includes(title) && !/\b(?:sequel|predecessor|prequel|remake)\b/i.test(t));
    if (mentionsOther) {
      diagnostics.push(diag('review:other-film', 'info', s.line, 'a review score about another film (a sequel, predecessor or remake) was not read as this film\'s', ['a score of this film']));
      continue;
    }
    if (/\bRotten Tomatoes\b/.test(t)) readRottenTomatoes(all, i, t, out);
    if (/\bMetacritic\b/.test(t)) {
      const score = /(?:score|average|rating|Metascore) of (\d+)(?: out of 100|\/100)?\b/.exec(t) ?? /\b(\d+) out of 100\b/.exec(t) ?? /\bMetascore (?:is |was )?(\d+)\b/.exec(t);
      const percentScore = score ? undefined : new RegExp(`score of ${PERCENT}`).exec(t);
      const count = /based on (\d+) (critics|reviews)/.exec(t);
      const verdict = /indicating "([^"]+)"/.exec(t) ?? /indicating ([a-z ]+? (?:reviews|acclaim))/.exec(t);
      const value = score?.[1] ?? percentScore?.[1];
      if (value !== undefined && Number(value) <= 100) {
        out.push({
          aggregator: 'Metacritic',
          method: 'metascore',
          score: `${value}/100`,
          value,
          best: '100',
          ...(count ? { reviewCount: Number(count[1]), countUnit: count[2] as string } : {}),
          ...(verdict ? { verdict: verdict[1] as string } : {}),
          evidence: sentenceEvidence(s),
        });
      }
    }
    if (/\bCinemaScore\b/.test(t)) {
      const grade = /grade of ["“]?([A-F][+\-−–]?)["”]?/.exec(t);
      if (grade) out.push({ aggregator: 'CinemaScore', method: 'grade', score: (grade[1] as string).replace(/[−–]/, '-'), evidence: sentenceEvidence(s) });
    }
  }
  return { value: out, diagnostics };
}

function readRottenTomatoes(all: readonly Sentence[], i: number, t: string, out: ReviewScore[]): void {
  const s = all[i] as Sentence;
  // "an approval rating of 91% based on 53 reviews", "reports an 88% approval rating based on 247 reviews",
  // "91% of 53 critics' reviews are positive", "gives the film a score of 90% based on 71 reviews".
  const approval =
    new RegExp(`approval rating of ${PERCENT}(?:,? based on (\\d+) (reviews|critics))?`).exec(t) ??
    new RegExp(`\\b${PERCENT} (?:approval rating|approval|rating)(?:,? based on (\\d+) (reviews|critics))?`).exec(t) ??
    new RegExp(`(?:score|rating) of ${PERCENT}(?:,? based on (\\d+) (reviews|critics))?`).exec(t);
  const share = approval ? undefined : new RegExp(`${PERCENT} of (?:the )?(\\d+) (critics'? reviews|reviews|critics)`).exec(t);
  const [value, count, unit] = approval ? [approval[1], approval[2], approval[3]] : share ? [share[1], share[2], share[3]] : [];
  const average = /average (?:rating|score) (?:of|is|was) (\d+(?:\.\d+)?)\/(\d+)/.exec(t);
  // The consensus may sit in this sentence or the next; it then carries the citation for both.
  const next = all[i + 1];
  const own = /consensus (?:reads|states|says|is)[,:]? "(.+)"/.exec(t);
  const following = own || !next || next.line !== s.line ? undefined : /consensus (?:reads|states|says|is)[,:]? "(.+)"/.exec(stripMarkers(next.text));
  const consensus = own ?? following;
  const both = following && next ? rawPart(s.line, `${s.text} ${next.text}`) : undefined;
  const ev: Evidence = both ? evidence(s.line, { part: both }) : sentenceEvidence(s);
  const counted = count ? { reviewCount: Number(count), countUnit: (unit as string).replace(/^critics'? reviews$/, 'reviews') } : {};
  if (value !== undefined && Number(value) <= 100) {
    out.push({ aggregator: 'Rotten Tomatoes', method: 'approval', score: `${value}%`, value, best: '100', ...counted, ...(consensus ? { consensus: consensus[1] as string } : {}), evidence: ev });
  }
  if (average) out.push({ aggregator: 'Rotten Tomatoes', method: 'average', score: `${average[1]}/${average[2]}`, value: average[1] as string, best: average[2] as string, ...counted, evidence: ev });
}
