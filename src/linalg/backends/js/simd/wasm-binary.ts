/**
 * Pieces of WebAssembly's binary format (spec §5) for the modules this project emits byte by byte
 * from TypeScript (no compiler, no binary in the package): the LEB128 integers, vectors, sections
 * and names every module is made of, and the few members of the `WebAssembly` global it uses.
 */

/** The parts of a WebAssembly.Memory used here. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

// The project compiles without the DOM library (and @types/node 20 has no WebAssembly types):
// the few members used are typed here.
export interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

/** The runtime's `WebAssembly` object, undefined where there is none. */
export const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** Unsigned LEB128. */
export function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer (the immediate of i32.const and i64.const). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  value |= 0;
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items. */
export function vector(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

/** A section: its id, then its body's length and the body. */
export function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

/** A name (ASCII only). */
export function name(text: string): number[] {
  return vector([...text].map((c) => [c.charCodeAt(0)]));
}

/** The 8-byte header every module starts with: the magic bytes "\0asm" and version 1. */
export const MODULE_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
