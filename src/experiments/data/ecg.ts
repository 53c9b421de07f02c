import { existsSync } from 'node:fs';
import { DataFormatError } from '../../errors.js';
import { readNpz } from '../../io/npz.js';
import { Matrix } from '../../linalg/matrix.js';

/**
 * Where Debian's python3-scipy puts the ECG record (scipy ≤ 1.11 under misc/, later under
 * datasets/).
 */
export const ECG_FILES = [
  '/usr/lib/python3/dist-packages/scipy/misc/ecg.dat',
  '/usr/lib/python3/dist-packages/scipy/datasets/ecg.dat',
];

let cached: { file: string; mv: Float64Array } | undefined;

/**
 * The ECG record that Debian's `python3-scipy` ships (`scipy/misc/ecg.dat`: 5 minutes at 360 Hz,
 * an .npz holding uint16 ADC counts) in millivolts, mV = (count − 1024)/200 as
 * `scipy.misc.electrocardiogram` converts it. `file` (or env `RMTKIT_ECG_FILE`) overrides the
 * search; the record is read once per thread.
 * @throws {DataFormatError} naming the file when it is absent (and the package to install) or
 * unreadable.
 * @example loadEcg().length // 108000
 */
export function loadEcg(file?: string): Float64Array {
  const candidates = file
    ? [file]
    : process.env.RMTKIT_ECG_FILE
      ? [process.env.RMTKIT_ECG_FILE]
      : ECG_FILES;
  const found = candidates.find((f) => existsSync(f));
  if (!found)
    throw new DataFormatError(
      candidates.join(' or '),
      '',
      "not found: install Debian's python3-scipy (apt-get install python3-scipy), which ships the ECG record",
    );
  if (cached?.file === found) return cached.mv;
  const raw = readNpz(found).get('ecg');
  if (!raw) throw new DataFormatError(found, '', "holds no array 'ecg'");
  const mv = Float64Array.from(raw.data, (v) => (v - 1024) / 200);
  cached = { file: found, mv };
  return mv;
}

/**
 * Sliding windows of `d` consecutive samples with step `stride`, starting in [from, to − d]:
 * one window per row.
 * @example ecgWindows(loadEcg(), 32, 4, 0, 86400).rows // 21593
 */
export function ecgWindows(
  signal: Float64Array,
  d: number,
  stride: number,
  from: number,
  to: number,
): Matrix {
  const starts: number[] = [];
  for (let s = from; s + d <= to; s += stride) starts.push(s);
  const m = Matrix.zeros(starts.length, d);
  starts.forEach((s, i) => m.data.set(signal.subarray(s, s + d), i * d));
  return m;
}

/**
 * The ECG data set of the experiments and of bench/ssr-ecg.ts: windows of d samples (stride
 * `stride`), the first 80 % of the record for training and the last 20 % for testing.
 * @throws {DataFormatError} when the record is missing (see {@link loadEcg}).
 * @example const { train, test } = ecgDataset(32, 4);
 */
export function ecgDataset(
  d: number,
  stride: number,
  file?: string,
): { file: string; train: Matrix; test: Matrix } {
  const mv = loadEcg(file);
  const cut = Math.floor(0.8 * mv.length);
  return {
    file: cached!.file,
    train: ecgWindows(mv, d, stride, 0, cut),
    test: ecgWindows(mv, d, stride, cut, mv.length),
  };
}
