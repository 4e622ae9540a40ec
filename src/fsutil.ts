// File writing that never leaves a half-written result: write to a temporary sibling, then rename.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `data` to `file` atomically (temporary file in the same folder, then rename). */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes a set of files (relative name → contents) into `dir` so that readers never see a mix:
 * everything is written into a temporary sibling folder first; then each file is renamed into place.
 * If writing fails, `dir` is left as it was.
 */
export async function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  const parent = path.dirname(path.resolve(dir));
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(dir)}.${process.pid}.staging`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [name, data] of files) {
      const target = path.join(staging, name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    await mkdir(dir, { recursive: true });
    const written: string[] = [];
    for (const name of [...files.keys()].sort()) {
      const target = path.join(dir, name);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, name), target);
      written.push(target);
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
