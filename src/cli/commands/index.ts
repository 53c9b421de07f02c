import type { Command } from 'commander';

/** A command's registration: adds it, with its options and action, to the program. */
export type Register = (program: Command) => void;

/**
 * Every CLI command, in help order, each loaded only when needed: a command file exports one
 * `register…(program)` function, and its module (with what it imports: plotting, SQLite, the
 * solvers) is read only when that command runs or the help lists them all.
 */
export const COMMANDS = {
  demo: () => import('./demo.js').then((m) => m.registerDemo),
  info: () => import('./info.js').then((m) => m.registerInfo),
  fit: () => import('./fit.js').then((m) => m.registerFit),
  theory: () => import('./theory.js').then((m) => m.registerTheory),
  spectrum: () => import('./spectrum.js').then((m) => m.registerSpectrum),
  bbp: () => import('./bbp.js').then((m) => m.registerBbp),
  'compare-pca': () => import('./compare-pca.js').then((m) => m.registerComparePca),
  reproduce: () => import('./reproduce.js').then((m) => m.registerReproduce),
  worker: () => import('./worker.js').then((m) => m.registerWorker),
  diagnose: () => import('./diagnose.js').then((m) => m.registerDiagnose),
  lstsq: () => import('./lstsq.js').then((m) => m.registerLstsq),
  rsvd: () => import('./rsvd.js').then((m) => m.registerRsvd),
  logdet: () => import('./logdet.js').then((m) => m.registerLogdet),
  trace: () => import('./trace.js').then((m) => m.registerTrace),
  density: () => import('./density.js').then((m) => m.registerDensity),
  decompress: () => import('./decompress.js').then((m) => m.registerDecompress),
  'rf-theory': () => import('./rf-theory.js').then((m) => m.registerRfTheory),
  ssl: () => import('./ssl.js').then((m) => m.registerSsl),
  serve: () => import('./serve.js').then((m) => m.registerServe),
} satisfies Record<string, () => Promise<Register>>;

/** The name of a command, as typed on the command line. */
export type CommandName = keyof typeof COMMANDS;

/**
 * The registrations of the named command, or of every command when `name` is not one (help,
 * an unknown command: commander then lists them all or names the mistake).
 */
export async function loadCommands(name: string | undefined): Promise<Register[]> {
  if (name !== undefined && Object.hasOwn(COMMANDS, name))
    return [await COMMANDS[name as CommandName]()];
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}
