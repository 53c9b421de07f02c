import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { LAB_VIEWS } from '../../web/src/lab/registry.js';
import { activeParams, densityBins, numberParam, SEED } from '../../web/src/lab/types.js';
import { sectionId } from '../../web/src/theory-sections.js';
import { PACKAGE_ROOT } from './browser.js';

describe('lab views: parameters, bins and citations', () => {
  it('keeps only the parameters of the chosen law, defaults filled in', () => {
    const laws = LAB_VIEWS.laws!;
    assert.deepEqual(activeParams(laws, { law: 'wigner', ratio: '3' }), {
      law: 'wigner',
      radius: '2',
      n: '200',
      bins: '40',
      seed: '0',
    });
    assert.deepEqual(Object.keys(activeParams(laws, {})), [
      'law',
      'ratio',
      'variance',
      'n',
      'bins',
      'seed',
    ]);
  });

  it('reads numbers with the library constraint and names the parameter in the error', () => {
    assert.equal(numberParam({ seed: ' 7 ' }, 'seed', SEED), 7);
    assert.throws(
      () => numberParam({ seed: '1.5' }, 'seed', SEED),
      (e) => e instanceof InvalidArgumentError && e.argument === 'seed',
    );
    assert.throws(
      () => numberParam({ n: 'abc' }, 'n'),
      (e) => e instanceof InvalidArgumentError && /n must be a number/.test(e.message),
    );
    assert.throws(() => numberParam({}, 'gamma'), /gamma must be a number/);
  });

  it('turns samples into density bins of total mass 1 with √count standard errors', () => {
    const bins = densityBins([0.1, 0.2, 0.9, 0.95], 2, [0, 1]);
    assert.deepEqual(
      bins.map((b) => [b.x, b.density, b.se]),
      [
        [0.25, 1, Math.sqrt(2) / 2],
        [0.75, 1, Math.sqrt(2) / 2],
      ],
    );
  });

  it('cites, in every view, a section that docs/theory.md has', () => {
    const ids = new Set(
      readFileSync(`${PACKAGE_ROOT}docs/theory.md`, 'utf8')
        .split('\n')
        .map(sectionId)
        .filter((id) => id !== null),
    );
    assert.ok(ids.has('s2') && ids.has('s12.1'));
    for (const view of Object.values(LAB_VIEWS))
      assert.ok(ids.has(`s${view.section}`), `${view.id} cites §${view.section}`);
    assert.equal(sectionId('## §8.1 Free-probability laws'), 's8.1');
    assert.equal(sectionId('## References'), null);
  });
});
