// Public surface of `io`: readers and writers of .npy, .npz and CSV files (and of their bytes),
// plus the weight-file readers. Header, dtype, zip and CRC internals are imported by file path.
export type { NdArray } from './ndarray.js';
export { toVectorOrMatrix } from './ndarray.js';
export { parseNpyArray, parseNpy } from './npy-parse.js';
export { toNpyBytes } from './npy-write.js';
export { readNpy, writeNpy } from './npy.js';
export { parseNpz, readNpz } from './npz.js';
export { parseCsv, type CsvReadOptions, type CsvTable } from './csv-parse.js';
export { formatCsv, type CsvWriteOptions } from './csv-format.js';
export { readCsv, writeCsv } from './csv.js';
export * from './weights/index.js';
