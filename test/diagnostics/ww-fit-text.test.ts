import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWwFitOptions } from '../../src/diagnostics/ww/fit-options.js';
import { wwFitFromText } from '../../src/diagnostics/ww/fit-text.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { DEFAULT_SETTINGS, diagnoseCommand } from '../../web/src/diagnose/settings.js';
import { runCli as run } from '../cli/run-cli.js';

const WEIGHTS = new URL('../fixtures/diagnostics/weights/', import.meta.url).pathname;

/** The message `f` throws (an InvalidArgumentError naming `argument`). */
function rejection(f: () => unknown, argument: string): string {
  try {
    f();
  } catch (error) {
    assert.ok(error instanceof InvalidArgumentError, String(error));
    assert.equal(error.argument, argument);
    return error.message;
  }
  return assert.fail(`accepted; expected an error naming ${argument}`);
}

describe("WeightWatcher's fit options from text (the CLI's --ww-* flags, the explorer's form)", () => {
  it('parses each flag as the CLI documents it', () => {
    assert.equal(wwFitFromText({}), undefined);
    assert.deepEqual(
      wwFitFromText({ fixFingers: 'xmin_peak', xminMax: '2.5', xmax: 'force', fit: 'e_tpl' }),
      { fixFingers: 'xmin_peak', xminMax: 2.5, xmax: 'force', fit: 'E_TPL' },
    );
    assert.deepEqual(wwFitFromText({ xmax: '-3', fit: 'TPL' }), { xmax: -3, fit: 'TPL' });
  });
  it('names the flag for a value that does not parse', () => {
    for (const [text, flag] of [
      [{ fixFingers: 'peak' }, '--ww-fix-fingers'],
      [{ fixFingers: 'xmin_peak', xminMax: '-1' }, '--ww-xmin-max'],
      [{ fixFingers: 'xmin_peak', xminMax: 'abc' }, '--ww-xmin-max'],
      [{ fixFingers: 'xmin_peak', xminMax: 'Infinity' }, '--ww-xmin-max'],
      [{ xmax: '0' }, '--ww-xmax'],
      [{ xmax: '1.5' }, '--ww-xmax'],
      [{ xmax: '' }, '--ww-xmax'],
      [{ fit: 'gauss' }, '--ww-fit'],
    ] as const)
      rejection(() => wwFitFromText(text), flag);
  });
  it('rejects xminMax outside the xmin_peak search (fixFingers xmin_peak or fit E_TPL), naming xminMax', () => {
    rejection(() => checkWwFitOptions({ xminMax: 2 }), 'xminMax');
    rejection(() => checkWwFitOptions({ xminMax: 2, fixFingers: 'clip_xmax' }), 'xminMax');
    rejection(() => checkWwFitOptions({ xminMax: 2, fit: 'TPL' }), 'xminMax');
    checkWwFitOptions({ xminMax: 2, fixFingers: 'xmin_peak' });
    checkWwFitOptions({ xminMax: 2, fit: 'E_TPL' });
  });
  it('`rmtkit diagnose --ww-xmin-max 2` alone exits 2 with that one-line message', async () => {
    const message = rejection(() => wwFitFromText({ xminMax: '2' }), 'xminMax');
    const { err, code } = await run('diagnose', WEIGHTS, '--ww-xmin-max', '2');
    assert.equal(code, 2);
    assert.equal(err.trim().split('\n').length, 1);
    assert.ok(err.includes(message), err);
  });
});

describe("the explorer's command line for its settings (web/src/diagnose/settings.ts)", () => {
  it('names the model and every flag off its CLI default, --ww-* as typed', () => {
    assert.equal(
      diagnoseCommand(['vad.onnx'], DEFAULT_SETTINGS),
      'rmtkit diagnose vad.onnx --mp-fit --htmp',
    );
    const settings = {
      ...DEFAULT_SETTINGS,
      mpFit: false,
      htmp: false,
      seed: 3,
      columns: 'ww',
      wwFixFingers: 'xmin_peak',
      wwXminMax: '40',
      wwXmax: 'force',
      wwFit: 'tpl',
    } as const;
    assert.equal(
      diagnoseCommand(['m/model.json', 'm/group1-shard1of1.bin'], settings),
      'rmtkit diagnose m/ --columns ww --seed 3 --ww-fix-fingers xmin_peak --ww-xmin-max 40 --ww-xmax force --ww-fit tpl',
    );
    assert.equal(
      diagnoseCommand(['w.npz'], {
        ...settings,
        wwFixFingers: 'none',
        wwXminMax: '',
        wwXmax: 'k',
        wwXmaxK: '-2',
      }),
      'rmtkit diagnose w.npz --columns ww --seed 3 --ww-xmax -2 --ww-fit tpl',
    );
    assert.equal(
      diagnoseCommand(['a.npy', 'b.npy'], DEFAULT_SETTINGS),
      'rmtkit diagnose <folder> --mp-fit --htmp',
    );
    assert.equal(
      diagnoseCommand(["it's.onnx"], { ...DEFAULT_SETTINGS, mpFit: false, htmp: false }),
      `rmtkit diagnose 'it'\\''s.onnx'`,
    );
  });
});
