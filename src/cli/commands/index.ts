import type { Command } from 'commander';
import { registerBbp } from './bbp.js';
import { registerComparePca } from './compare-pca.js';
import { registerDecompress } from './decompress.js';
import { registerDemo } from './demo.js';
import { registerDensity } from './density.js';
import { registerDiagnose } from './diagnose.js';
import { registerFit } from './fit.js';
import { registerInfo } from './info.js';
import { registerLogdet } from './logdet.js';
import { registerLstsq } from './lstsq.js';
import { registerReproduce } from './reproduce.js';
import { registerRfTheory } from './rf-theory.js';
import { registerRsvd } from './rsvd.js';
import { registerServe } from './serve.js';
import { registerSpectrum } from './spectrum.js';
import { registerSsl } from './ssl.js';
import { registerTheory } from './theory.js';
import { registerTrace } from './trace.js';
import { registerWorker } from './worker.js';

/** Every CLI command, in help order. A command file exports one `register…(program)` function. */
export const commands: Array<(program: Command) => void> = [
  registerDemo,
  registerInfo,
  registerFit,
  registerTheory,
  registerSpectrum,
  registerBbp,
  registerComparePca,
  registerReproduce,
  registerWorker,
  registerDiagnose,
  registerLstsq,
  registerRsvd,
  registerLogdet,
  registerTrace,
  registerDensity,
  registerDecompress,
  registerRfTheory,
  registerSsl,
  registerServe,
];
