import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataFormatError, InvalidArgumentError, NonFiniteError } from '../../src/errors.js';
import { formatCsv, parseCsv, readCsv, writeCsv } from '../../src/io/index.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { expected, fixturePath, values } from './helpers.js';

function rejects(text: string, message: string, options = {}): void {
  assert.throws(
    () => parseCsv(text, 'data.csv', options),
    (e: unknown) => e instanceof DataFormatError && e.message === message,
    message,
  );
}

describe('readCsv', () => {
  it('reads numpy.savetxt output exactly: comma with a header, blank-separated, tab-separated with a # header', () => {
    for (const name of ['savetxt_comma.csv', 'savetxt_space.txt', 'savetxt_commented.tsv']) {
      const { matrix, header } = readCsv(fixturePath(name));
      assert.deepEqual([matrix.rows, matrix.cols], expected[name]!.shape, name);
      assert.deepEqual(values(matrix), expected[name]!.values, name);
      assert.deepEqual(header, expected[name]!.header, name);
    }
  });

  it('detects a header from a non-numeric field, and can be told either way', () => {
    assert.deepEqual(parseCsv('x,"y, in m"\n1,2\n', 'a.csv'), {
      matrix: Matrix.fromRows([[1, 2]]),
      header: ['x', 'y, in m'],
    });
    assert.deepEqual(parseCsv('1,2\n3,4\n', 'a.csv').header, undefined);
    assert.deepEqual(parseCsv(',a\n1,2\n', 'a.csv').header, ['', 'a']);
    assert.deepEqual(parseCsv('1,2\n3,4\n', 'a.csv', { header: true }), {
      matrix: Matrix.fromRows([[3, 4]]),
      header: ['1', '2'],
    });
    rejects('a,b\n1,2\n', 'data.csv line 1 column 1: "a" is not a number', { header: false });
  });

  it('skips empty and comment lines, handles CRLF, a BOM, quotes, blanks and explicit delimiters', () => {
    const text = '\ufeff# made by hand\r\n\r\n 1 ; -2.5e3 \r\n\r\n"3";.5\r\n';
    assert.deepEqual(values(parseCsv(text, 'a.csv').matrix), [1, -2500, 3, 0.5]);
    assert.deepEqual(
      values(parseCsv('1|2\n3|4', 'a.csv', { delimiter: '|' }).matrix),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      values(parseCsv('  1   2\n3\t4  \n', 'a.txt', { delimiter: 'whitespace' }).matrix),
      [1, 2, 3, 4],
    );
    assert.deepEqual(parseCsv('#1,2\n3,4', 'a.csv', { comments: null }), {
      matrix: Matrix.fromRows([[3, 4]]),
      header: ['#1', '2'],
    });
    assert.deepEqual(
      parseCsv('% note\n3,4', 'a.csv', { comments: '%' }).matrix,
      Matrix.fromRows([[3, 4]]),
    );
    assert.deepEqual(parseCsv('\n\n', 'a.csv').matrix.rows, 0);
    assert.deepEqual(parseCsv('a,b,c\n', 'a.csv').matrix.cols, 3);
  });

  it('names the line when a row has the wrong number of values, counting blank lines', () => {
    rejects('1,2,3\n4,5,6\n\n7,8\n', 'data.csv line 4: expected 3 values, found 2');
    rejects('a,b\n1,2,3\n', 'data.csv line 2: expected 2 values (one per header column), found 3');
    rejects('1,2,\n', 'data.csv line 1 column 3: empty field, expected a number');
  });

  it('names line and column of a field that is not a finite number', () => {
    rejects(
      '1,2,3\n4,5,6\n7,8,9\n1,1,1\n1,2,abc\n',
      'data.csv line 5 column 3: "abc" is not a number',
    );
    rejects(
      '1,2\nNaN,2\n',
      'data.csv line 2 column 1: "NaN" is not a finite number (NaN and infinities are rejected)',
    );
    rejects(
      'x,y\n1,-inf\n',
      'data.csv line 2 column 2: "-inf" is not a finite number (NaN and infinities are rejected)',
    );
    rejects('1,2\n1e400,2\n', 'data.csv line 2 column 1: "1e400" is outside the float64 range');
    rejects('1,0x10\n', 'data.csv line 1 column 2: "0x10" is not a number', { header: false });
    rejects('1,"2\n', 'data.csv line 1 column 2: unterminated quoted field');
    rejects('1,"2"x\n', 'data.csv line 1 column 2: unexpected text after a closing quote');
    // A NaN in the first row is bad data, not a header.
    rejects(
      'nan,1\n',
      'data.csv line 1 column 1: "nan" is not a finite number (NaN and infinities are rejected)',
    );
  });

  it('rejects bad options, naming them', () => {
    for (const [options, argument] of [
      [{ delimiter: '' }, 'delimiter'],
      [{ delimiter: '"' }, 'delimiter'],
      [{ header: 'yes' }, 'header'],
    ] as const) {
      assert.throws(
        () => parseCsv('1', 'a.csv', options as never),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    }
  });
});

describe('writeCsv', () => {
  it('round-trips doubles bit for bit, including −0, subnormals and extremes', () => {
    const m = Matrix.fromRows([
      [-0, 5e-324, 1.7976931348623157e308],
      [0.1, -1 / 3, 123456789012345680000],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-csv-'));
    writeCsv(join(dir, 'm.csv'), m, { header: ['a', 'b,c', ' d"'] });
    assert.equal(readFileSync(join(dir, 'm.csv'), 'utf8').split('\n')[0], 'a,"b,c"," d"""');
    const back = readCsv(join(dir, 'm.csv'));
    assert.deepEqual(back.header, ['a', 'b,c', 'd"']);
    assert.deepEqual(values(back.matrix), values(m));
  });

  it('writes a vector as one column and honours the delimiter', () => {
    assert.equal(formatCsv(Float64Array.of(1, 2.5)), '1\n2.5\n');
    assert.equal(formatCsv(Matrix.fromRows([[1, 2]]), { delimiter: '\t' }), '1\t2\n');
    assert.equal(formatCsv(Matrix.zeros(0, 0)), '');
  });

  it('rejects non-finite entries, a header of the wrong length and a delimiter that could be part of a number', () => {
    assert.throws(
      () => formatCsv(Matrix.fromRows([[1, NaN]])),
      (e: unknown) => e instanceof NonFiniteError && e.row === 0 && e.col === 1,
    );
    assert.throws(
      () => formatCsv(Matrix.fromRows([[1, 2]]), { header: ['a'] }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'header',
    );
    assert.throws(
      () => formatCsv(Matrix.fromRows([[1, 2]]), { delimiter: 'e' }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === 'delimiter',
    );
  });
});
