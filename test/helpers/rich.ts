// A richer hand-written facts fixture of the bundled film touching every mapper (values copied from article.txt at the lines named),
// for export round trips and determinism before the real extractor is wired in. It is a consistent subset: every cited
// reference is listed and the track list runs from 1, so the graph passes the build's SHACL shapes.
import type { FilmFacts } from '../../src/facts/model.js';
import { ev, facts } from './facts.js';

const LEAD = 'Leaving Las Vegas is a 1995 American drama film written and directed by Mike Figgis';

/** Facts of the bundled film, a few of each kind. */
export function richFacts(): FilmFacts {
  const lead = ev(38, LEAD);
  return facts({
    year: { value: 1995, evidence: lead },
    genres: [{ value: 'drama film', evidence: lead }],
    countries: [{ value: 'United States', evidence: ev(34, 'CountryUnited States') }],
    runningTime: { minutes: 111, duration: 'PT111M', evidence: ev(33, '111 minutes') },
    image: { file: 'Leaving las vegas ver1.jpg', caption: 'Theatrical release poster', evidence: ev(16, 'Leaving las vegas ver1.jpg') },
    basedOn: {
      title: 'Leaving Las Vegas', author: "John O'Brien", form: 'novel', year: 1990, descriptors: ['semi-autobiographical'],
      evidence: ev(38, "based on the semi-autobiographical 1990 novel of the same name by John O'Brien"),
    },
    credits: [
      { role: 'director', person: 'Mike Figgis', evidence: ev(18, 'Directed byMike Figgis') },
      { role: 'producer', person: 'Lila Cazès', evidence: ev(23, '  • Lila Cazès') },
      { role: 'producer', person: 'Annie Stewart', evidence: ev(24, '  • Annie Stewart') },
    ],
    organisations: [{ role: 'distributor', name: 'MGM/UA Distribution Co.', evidence: ev(28, 'Distributed byMGM/UA Distribution Co.') }],
    releases: [
      { date: '1995-10-27', kind: 'Limited', evidence: ev(30, '  • October 27, 1995 (1995-10-27) (Limited)') },
      { date: '1996-02-09', kind: 'Wide', evidence: ev(31, '  • February 9, 1996 (1996-02-09) (Wide)') },
    ],
    budget: { currency: 'USD', lower: '3500000', upper: '4000000', text: '$3.5–4 million', evidence: ev(35, 'Budget$3.5–4 million[2][3]', [2, 3]) },
    boxOffice: { currency: 'USD', amount: '49800000', text: '$49.8 million', evidence: ev(36, 'Box office$49.8 million[2]', [2]) },
    cast: [
      { actor: 'Nicolas Cage', character: 'Ben Sanderson', characterAliases: ['Ben'], evidence: [ev(38, 'Nicolas Cage stars as a suicidal alcoholic')] },
      { actor: 'Elisabeth Shue', character: 'Sera', characterAliases: [], evidence: [ev(38, 'a prostitute played by Elisabeth Shue')] },
    ],
    reviewScores: [
      {
        aggregator: 'Rotten Tomatoes', method: 'average', score: '7.7/10', value: '7.7', best: '10', reviewCount: 53,
        consensus: 'Oscar-awarded Nicolas Cage finds humanity in his character as it bleeds away in this no frills, exhilaratingly dark portrait of destruction.',
        evidence: ev(86, 'with an average rating of 7.7/10.'),
      },
    ],
    accolades: [
      { row: 5, body: 'Academy Awards', category: 'Best Actor', recipients: ['Nicolas Cage'], recipientSource: 'named', result: 'Won', placement: 1, bodyOnRow: false, evidence: ev(96, 'Best Actor Nicolas Cage Won') },
      {
        row: 8, body: 'Awards Circuit Community Awards', category: 'Best Motion Picture', recipients: ['Lila Cazès', 'Annie Stewart'], recipientSource: 'named', result: 'Nominated',
        bodyOnRow: true, evidence: ev(99, 'Awards Circuit Community Awards Best Motion Picture Lila Cazès and Annie Stewart Nominated'),
      },
      {
        row: 53, body: 'San Sebastián International Film Festival', category: 'Golden Shell', recipients: ['Mike Figgis'], recipientSource: 'named', result: 'Nominated',
        bodyOnRow: true, evidence: ev(144, 'San Sebastián International Film Festival Golden Shell Mike Figgis Nominated'),
      },
    ],
    soundtrack: {
      releaseDate: '1995-11-07', composers: [], performers: [], defaultWriter: 'Mike Figgis', notIncluded: [],
      tracks: [
        {
          number: 1, title: 'Intro Dialogue', writers: ['Mike Figgis'], writersFromDefault: true, performers: ['Nicolas Cage', 'Elisabeth Shue'], dialogue: true,
          speakers: [{ actor: 'Nicolas Cage', character: 'Ben' }, { actor: 'Elisabeth Shue', character: 'Sera' }],
          evidence: ev(163, '1."Intro Dialogue" (dialogue) Nicolas Cage as Ben\nElisabeth Shue as Sera', [], [], 164),
        },
        { number: 2, title: 'Angel Eyes', writers: ['Matt Dennis', 'Earl Brent'], writersFromDefault: false, performers: ['Sting'], duration: 'PT4M2S', dialogue: false, speakers: [], evidence: ev(165, '2."Angel Eyes"Matt Dennis, Earl BrentSting4:02') },
      ],
      evidence: ev(159, 'A soundtrack album, consisting mainly of film score composed and performed by Mike Figgis, was released November 7, 1995.[27]', [27]),
    },
    references: [
      {
        number: 2, authors: [], title: 'Box Office Information for Leaving Las Vegas', publication: 'The Numbers', retrieved: '2014-08-24', identifiers: [], backlinks: 3, citedOnLines: [35, 36, 84],
        evidence: ev(202, '  2. ^ a b c "Box Office Information for Leaving Las Vegas". The Numbers. Retrieved August 24, 2014.'),
      },
      {
        number: 3, authors: ['Scott Feinberg'], title: 'Oscars: Six Contenders on the Challenges and Rewards of Making 2021 Indies', publication: 'The Hollywood Reporter',
        date: '2022-02-01', retrieved: '2022-02-02', identifiers: [], backlinks: 1, citedOnLines: [35],
        evidence: ev(203, '  3. ^ Feinberg, Scott (February 1, 2022). "Oscars: Six Contenders on the Challenges and Rewards of Making 2021 Indies". The Hollywood Reporter. Retrieved February 2, 2022.'),
      },
      {
        number: 27, authors: [], title: 'Leaving Las Vegas CD', publication: 'CD', retrieved: '2006-12-09', identifiers: [], backlinks: 1, citedOnLines: [159],
        evidence: ev(227, '  27. ^ "Leaving Las Vegas CD". CD Retrieved December 9, 2006.'),
      },
    ],
  });
}
