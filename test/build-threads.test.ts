// The build's second thread (src/export/side-thread.ts) renders graph.jsonld and void.ttl: the same bytes and the same
// summary as the one-thread build, and a step that fails first stops the build with its own error.
import { describe, expect, test } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { buildFiles } from '../src/export/build.js';
import { sideWorkerAvailable } from '../src/export/side-thread.js';
import { BUILD_STEPS } from '../src/export/steps.js';
import { loadFilms } from '../src/pipeline.js';

describe('buildFiles with a second thread', () => {
  test('gives exactly the files and notes of the one-thread build', async () => {
    // npm test compiles dist/ first: the second thread really runs (else the build falls back to one thread).
    expect(sideWorkerAvailable()).toBe(true);
    const films = await loadFilms();
    const serial = await buildFiles(films, { threads: false });
    const threaded = await buildFiles(films, { threads: true });
    expect([...threaded.files.keys()].sort()).toEqual([...serial.files.keys()].sort());
    for (const [name, data] of serial.files) expect(threaded.files.get(name), name).toEqual(data);
    expect(threaded.notes).toEqual(serial.notes);
    expect(threaded.notes.some((n) => n.startsWith('dataset: void.ttl describes the graph'))).toBe(true);
  }, 60_000);

  test('a step that fails before the description stops the build with its error', async () => {
    const films = await loadFilms();
    const failing = { name: 'failing', run: () => { throw new FilmkgError('SHACL_VIOLATION', 'stopped on purpose'); } };
    await expect(buildFiles(films, { threads: true, steps: [failing, ...BUILD_STEPS] })).rejects.toMatchObject({ code: 'SHACL_VIOLATION' });
  }, 60_000);
});
