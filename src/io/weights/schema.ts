import { DataFormatError } from '../../errors.js';

/*
 * Checks of untrusted JSON headers (TF.js model.json, safetensors) before use: each returns the
 * value with its type narrowed or throws a one-line DataFormatError naming the file and the place
 * (`weightsManifest[0].paths[1]`), so no reader dereferences a null or a string where it expects
 * an object or an array.
 */

/** A JSON value with no type known yet. */
export type Json = unknown;

/**
 * JSON text (or its UTF-8 bytes) parsed, with no type known yet.
 * @throws {DataFormatError} naming the file and `place` when it is not valid JSON.
 * @example parseJsonAt(bytes, 'model.json', '')
 */
export function parseJsonAt(text: string | Uint8Array, file: string, place: string): Json {
  try {
    return JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
  } catch (error) {
    throw new DataFormatError(file, place, `is not valid JSON (${(error as Error).message})`);
  }
}

/** The value as a plain object (not null, not an array). @throws {DataFormatError} */
export function objectAt(value: Json, file: string, place: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DataFormatError(file, place, `must be an object, found ${kind(value)}`);
  return value as Record<string, Json>;
}

/** The value as an array. @throws {DataFormatError} */
export function arrayAt(value: Json, file: string, place: string): Json[] {
  if (!Array.isArray(value))
    throw new DataFormatError(file, place, `must be an array, found ${kind(value)}`);
  return value;
}

/** The value as a string (non-empty unless `allowEmpty`). @throws {DataFormatError} */
export function stringAt(value: Json, file: string, place: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value === ''))
    throw new DataFormatError(file, place, `must be a non-empty string, found ${kind(value)}`);
  return value;
}

/** The value as a finite number. @throws {DataFormatError} */
export function numberAt(value: Json, file: string, place: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new DataFormatError(file, place, `must be a finite number, found ${kind(value)}`);
  return value;
}

/**
 * The value as a non-negative safe integer (a byte offset, a dimension). @throws {DataFormatError}
 */
export function indexAt(value: Json, file: string, place: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new DataFormatError(file, place, `must be a non-negative integer, found ${kind(value)}`);
  return value;
}

/** A shape: an array of non-negative integers, at most 64 of them. @throws {DataFormatError} */
export function shapeAt(value: Json, file: string, place: string): number[] {
  const dims = arrayAt(value, file, place);
  if (dims.length > 64)
    throw new DataFormatError(file, place, `has ${dims.length} dimensions (at most 64)`);
  return dims.map((d, k) => indexAt(d, file, `${place}[${k}]`));
}

/** A short description of a JSON value for error messages: `null`, `a string "abc"`, `5.5`. */
function kind(value: Json): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}
