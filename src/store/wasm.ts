// oxigraph's WebAssembly module: the global it runs on, and a copy of the module whose memory cannot grow past a limit,
// so that a query that needs too much memory fails inside the engine (a trap) instead of taking the machine's memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parts of the WebAssembly global used here (the project's lib settings do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmGlobal {
  RuntimeError: new (message?: string) => Error;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { readonly exports: Record<string, unknown> };
}
export const WASM = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

/** WebAssembly memory comes in pages of 64 KiB. */
export const WASM_PAGE = 64 * 1024;

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  let p = at;
  for (;;) {
    const b = bytes[p++];
    if (b === undefined) throw new Error('truncated WebAssembly module');
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return [value, p];
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return out;
}

/**
 * A copy of a WebAssembly binary whose one memory declares a maximum of `maxPages` pages (64 KiB each), its minimum
 * kept. Throws if the module has no memory section with exactly one plain memory, or if the maximum is below the
 * minimum, so that a changed engine fails loudly rather than running unbounded.
 */
export function withMemoryMaximum(bytes: Uint8Array, maxPages: number): Uint8Array {
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('not a WebAssembly module');
  let p = 8;
  while (p < bytes.length) {
    const id = bytes[p] as number;
    const [size, start] = readLeb(bytes, p + 1);
    if (id === 5) {
      const [count, afterCount] = readLeb(bytes, start);
      if (count !== 1) throw new Error(`the WebAssembly module declares ${count} memories; expected 1`);
      const flags = bytes[afterCount] as number;
      if (flags & ~1) throw new Error(`the WebAssembly memory has flags ${flags} (shared or 64-bit); expected a plain memory`);
      const [min] = readLeb(bytes, afterCount + 1);
      if (maxPages < min) throw new Error(`a memory maximum of ${maxPages} pages is below the module's minimum of ${min}`);
      const body = [...leb(1), 1, ...leb(min), ...leb(maxPages)];
      const section = Uint8Array.from([5, ...leb(body.length), ...body]);
      const out = new Uint8Array(p + section.length + (bytes.length - (start + size)));
      out.set(bytes.subarray(0, p), 0);
      out.set(section, p);
      out.set(bytes.subarray(start + size), p + section.length);
      return out;
    }
    p = start + size;
  }
  throw new Error('the WebAssembly module has no memory section');
}

const compiled = new Map<number, object>();

/** oxigraph's WebAssembly module (node build), compiled once per memory limit, with at most `maxBytes` of memory. */
export function oxigraphModule(maxBytes: number): object {
  const maxPages = Math.min(65_536, Math.ceil(maxBytes / WASM_PAGE));
  let module = compiled.get(maxPages);
  if (!module) {
    const file = createRequire(import.meta.url).resolve('oxigraph/node_bg.wasm');
    module = new WASM.Module(withMemoryMaximum(readFileSync(file), maxPages));
    compiled.set(maxPages, module);
  }
  return module;
}

/**
 * Loads oxigraph (its JavaScript glue instantiates the module when first imported) on `module` instead of the file it
 * would compile, and returns the instance's memory so that its size can be read. Only for a fresh thread: oxigraph must
 * not have been imported there yet.
 */
export async function loadOxigraphOn(module: object): Promise<WasmMemory> {
  const { Module, Instance } = WASM;
  let memory: WasmMemory | undefined;
  WASM.Module = function () {
    return module;
  } as unknown as WasmGlobal['Module'];
  WASM.Instance = function (m: object, imports?: object) {
    const instance = new Instance(m, imports);
    memory = instance.exports.memory as WasmMemory;
    return instance;
  } as unknown as WasmGlobal['Instance'];
  try {
    await import('oxigraph');
  } finally {
    WASM.Module = Module;
    WASM.Instance = Instance;
  }
  if (!memory) throw new Error('oxigraph was already loaded, or no longer instantiates its module when imported: its memory cannot be limited');
  return memory;
}
