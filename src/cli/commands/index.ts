import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerInfo } from './info.js';
import { registerFit } from './fit.js';
import { registerTheory } from './theory.js';
import { registerSpectrum } from './spectrum.js';
import { registerBbp } from './bbp.js';
import { registerComparePca } from './compare-pca.js';
import { registerReproduce } from './reproduce.js';
import { registerDiagnose } from './diagnose.js';
import { registerServe } from './serve.js';

/** Every CLI command, in help order. A command file exports one `register…(program)` function. */
export const commands: Array<(program: Command) => void> = [registerDemo, registerInfo, registerFit, registerTheory, registerSpectrum, registerBbp, registerComparePca, registerReproduce, registerDiagnose, registerServe];
