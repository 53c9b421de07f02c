// Public surface of `io`: readers and writers of .npy, .npz and CSV files (and of their bytes),
// plus the weight-file readers. Header, dtype, zip and CRC internals are imported by file path.

export { readCsv, writeCsv } from './csv.js';
export { type CsvWriteOptions, formatCsv } from './csv-format.js';
export { type CsvReadOptions, type CsvTable, parseCsv } from './csv-parse.js';
export type { NdArray } from './ndarray.js';
export { toVectorOrMatrix } from './ndarray.js';
export { readNpy, writeNpy } from './npy.js';
export { parseNpy, parseNpyArray } from './npy-parse.js';
export { toNpyBytes } from './npy-write.js';
export { parseNpz, readNpz } from './npz.js';
export { parseNpzAsync } from './npz-async.js';
export * from './weights/index.js';
export type { ZipOptions } from './zip.js';
export { readZipAsync } from './zip-async.js';
