import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../src/errors.js';
import { fitSsr } from '../../src/ssr/estimator.js';

describe('fitSsr input and options', () => {
  const rows = [
    [1, 2, 0.5],
    [0, 1, 2],
    [2, 0, 1],
    [1, 1, 1.5],
  ];

  it('accepts nested arrays like the equivalent Matrix', () => {
    const fit = fitSsr(rows, { lambda: 0.1 });
    assert.equal(fit.d, 3);
    assert.ok(Number.isFinite(fit.testError(fit.predict(fit.A))));
  });

  it('names a missing options object, a missing lambda and a misspelt key with a hint', () => {
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /options must be an object/],
      [{}, /lambda is required/],
      [{ lambda: 0.1, center: false }, /center is not an option.*did you mean 'centre'/],
      [{ alpha: 0.1 }, /alpha is not an option/],
    ];
    for (const [options, message] of cases)
      assert.throws(
        () => fitSsr(rows, options as never),
        (e: unknown) => e instanceof InvalidArgumentError && message.test(e.message),
        JSON.stringify(options),
      );
  });
});
