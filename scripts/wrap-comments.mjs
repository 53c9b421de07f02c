#!/usr/bin/env node
// Rewraps comment lines longer than the line width (100), which Biome's formatter leaves alone.
//
//   node scripts/wrap-comments.mjs [--check] [--width N] [paths...]
//
// Without paths it walks src, web (not web/dist), test, bench, scripts and bin for .ts, .mts,
// .cts, .js, .mjs and .cjs files. Only whole-line comments are touched: `// …` lines and the lines
// of block comments (` * …`; a one-line `/** … */` becomes a three-line block). A long line is
// broken at the last space that keeps it within the width (or, when a word alone is longer, at the
// first space after that word); the new lines get the same prefix (indentation + `// ` or ` * `),
// and the tail is carried into the next line when that line continues the same paragraph.
// Left long, and reported: code, strings and template literals (a small lexer tells them apart),
// trailing comments after code, `@example` blocks, ``` fences, preformatted lines (two or more
// extra spaces after the comment marker), directives (`// @ts-…`, `/// <…>`, `// biome-ignore`)
// and words longer than the width. A break never puts a JSDoc tag (`@x`), a Markdown list marker,
// heading, quote, table or fence at the start of a line. Idempotent.
// --check rewrites nothing and exits 1 when some file would change.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const widthAt = args.indexOf('--width');
const WIDTH = widthAt >= 0 ? Number(args[widthAt + 1]) : 100;
const paths = args.filter((a, i) => !a.startsWith('--') && (widthAt < 0 || i !== widthAt + 1));

const EXT = /\.(?:[mc]?ts|[mc]?js)$/;
const ROOTS = ['src', 'web', 'test', 'bench', 'scripts', 'bin'];
const SKIP = new Set(['node_modules', 'dist', '.git', 'build']);

function walk(p, out) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return out;
  }
  if (st.isDirectory()) {
    for (const e of readdirSync(p).sort()) if (!SKIP.has(e)) walk(join(p, e), out);
  } else if (EXT.test(p) && !p.endsWith('.d.ts')) out.push(p);
  return out;
}

const len = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const KEYWORDS_BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'instanceof',
]);

/**
 * The lexer state at the start of each line: 'code', 'block' (inside a block comment), 'string'
 * (inside a template literal or a string continued with a backslash), 'regex'.
 */
function lineStates(text) {
  const states = ['code'];
  let mode = 'code'; // code | line | block | sq | dq | tpl | regex
  const stack = []; // 'brace' | 'tpl' for ${ … } nesting
  let last = ''; // last significant code character or word, for the regex heuristic
  let inClass = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const n = text[i + 1];
    if (c === '\n') {
      if (mode === 'line') mode = 'code';
      states.push(mode === 'code' ? 'code' : mode === 'block' ? 'block' : 'string');
      continue;
    }
    switch (mode) {
      case 'line':
        break;
      case 'block':
        if (c === '*' && n === '/') {
          mode = 'code';
          i++;
        }
        break;
      case 'sq':
      case 'dq':
        if (c === '\\') i++;
        else if ((c === "'" && mode === 'sq') || (c === '"' && mode === 'dq')) {
          mode = 'code';
          last = 'a';
        }
        break;
      case 'tpl':
        if (c === '\\') i++;
        else if (c === '`') {
          mode = 'code';
          last = 'a';
        } else if (c === '$' && n === '{') {
          stack.push('tpl');
          mode = 'code';
          last = '{';
          i++;
        }
        break;
      case 'regex':
        if (c === '\\') i++;
        else if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) {
          mode = 'code';
          last = 'a';
        }
        break;
      default: // code
        if (c === '/' && n === '/') {
          mode = 'line';
          i++;
        } else if (c === '/' && n === '*') {
          mode = 'block';
          i++;
        } else if (c === "'") mode = 'sq';
        else if (c === '"') mode = 'dq';
        else if (c === '`') mode = 'tpl';
        else if (c === '/') {
          if (
            last === '' ||
            /[(,=:[!&|?{};+\-*%<>~^]/.test(last) ||
            KEYWORDS_BEFORE_REGEX.has(last)
          ) {
            mode = 'regex';
            inClass = false;
          } else last = '/';
        } else if (c === '{') {
          stack.push('brace');
          last = '{';
        } else if (c === '}') {
          if (stack.pop() === 'tpl') mode = 'tpl';
          else last = '}';
        } else if (/[A-Za-z0-9_$]/.test(c)) {
          let j = i;
          while (j + 1 < text.length && /[A-Za-z0-9_$]/.test(text[j + 1])) j++;
          last = text.slice(i, j + 1);
          i = j;
        } else if (!/\s/.test(c)) last = c;
    }
  }
  return states;
}

/** A word that must not begin a continuation line (it would change how the comment reads). */
const DANGEROUS_START = /^(?:@|[-+*>|#]|\d+[.)]$|```|\*\/)/;

/**
 * Breaks `prefix + content` into lines of at most WIDTH characters; `cont` prefixes the rest.
 * Returns null when no break is possible.
 */
function wrap(prefix, content, cont) {
  const out = [];
  let line = prefix + content;
  let start = len(prefix);
  while (len(line) > WIDTH) {
    const cps = [...line];
    const ok = (j) =>
      cps[j] === ' ' &&
      j > start &&
      cps[j - 1] !== ' ' &&
      j + 1 < cps.length &&
      !DANGEROUS_START.test(
        cps
          .slice(j + 1)
          .join('')
          .trimStart()
          .split(' ')[0],
      );
    let at = -1;
    for (let j = Math.min(WIDTH, cps.length - 1); j > start; j--)
      if (ok(j)) {
        at = j;
        break;
      }
    if (at < 0)
      for (let j = WIDTH + 1; j < cps.length; j++)
        if (ok(j)) {
          at = j;
          break;
        }
    if (at < 0) break;
    out.push(cps.slice(0, at).join('').trimEnd());
    line =
      cont +
      cps
        .slice(at + 1)
        .join('')
        .trimStart();
    start = len(cont);
  }
  out.push(line);
  return out.length > 1 ? out : null;
}

const DIRECTIVE = /^(?:\/\/\/|\/\/\s*(?:@ts-|eslint|biome-ignore|prettier-ignore|#|istanbul|c8 ))/;

function processFile(text) {
  const lines = text.split('\n');
  const states = lineStates(text);
  const out = [];
  const left = { example: 0, fence: 0, preformatted: 0, unbreakable: 0, code: 0, directive: 0 };
  const touched = new Set(); // indices of the input lines that were rewritten
  let inExample = false; // inside a block comment's @example, until the next tag or the end
  let fence = false; // inside ``` … ``` in a comment
  // Moves the last piece of a wrapped line to the front of the next line when that line continues
  // the same paragraph (same prefix, plain text), so a paragraph is reflowed instead of leaving a
  // one-word line behind; the next line is then wrapped in turn if it became too long.
  const carry = (res, prefix, k, kind) => {
    const next = lines[k + 1];
    if (next === undefined || res.length < 2) return;
    if (kind === 'block' && (states[k + 1] !== 'block' || res.at(-1).includes('*/'))) return;
    if (kind === 'line' && (states[k + 1] !== 'code' || DIRECTIVE.test(next.trimStart()))) return;
    if (!next.startsWith(prefix) || /^\s/.test(next.slice(prefix.length))) return;
    const rest = next.slice(prefix.length);
    const first = rest.split(' ')[0];
    // `Usage: …`, `Note: …` and the like start a line of their own.
    if (rest === '' || DANGEROUS_START.test(first) || /^[A-Z][\w-]*:$/.test(first)) return;
    if (kind === 'block' && rest.startsWith('/')) return;
    lines[k + 1] = `${res.pop()} ${rest}`;
    touched.add(k + 1);
  };
  // Pushes a wrapped run (its tail carried into the paragraph below), or the raw line when it
  // has no break point.
  const emit = (res, prefix, k, kind, raw) => {
    if (!res) {
      left.unbreakable++;
      out.push(raw);
      return;
    }
    carry(res, prefix, k, kind);
    out.push(...res);
    touched.add(k);
  };
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k];
    const st = states[k];
    const long = len(raw) > WIDTH;
    let m;
    if (st === 'block' && (m = /^(\s*\*)( ?)(.*)$/.exec(raw)) && !m[3].startsWith('/')) {
      // ` * content` inside a block; content may end the block with `*/`.
      const content = m[3];
      const closes = content.indexOf('*/');
      if (closes >= 0 && content.slice(closes + 2).trim() !== '') {
        if (long) left.code++;
        out.push(raw);
        continue;
      }
      const body = content.trimStart();
      if (/^```/.test(body)) {
        fence = !fence;
        out.push(raw);
        if (long) left.fence++;
        continue;
      }
      if (/^@example\b/.test(body)) inExample = true;
      else if (/^@\w/.test(body)) inExample = false;
      if (closes >= 0) {
        // Last line of the block.
        const wasEx = inExample;
        const wasFence = fence;
        inExample = false;
        fence = false;
        if (long && (wasEx || wasFence)) {
          left[wasEx ? 'example' : 'fence']++;
          out.push(raw);
          continue;
        }
      }
      if (!long) {
        out.push(raw);
        continue;
      }
      if (fence || inExample) {
        left[fence ? 'fence' : 'example']++;
        out.push(raw);
        continue;
      }
      const extra = content.length - body.length;
      if (extra >= 2) {
        left.preformatted++;
        out.push(raw);
        continue;
      }
      const prefix = `${m[1]}${m[2]}${content.slice(0, extra)}`;
      emit(wrap(prefix, body, prefix), prefix, k, 'block', raw);
      continue;
    }
    if (st !== 'code') {
      if (long) left[st === 'block' ? 'code' : 'code']++;
      inExample = inExample && st === 'block';
      out.push(raw);
      continue;
    }
    const trimmed = raw.trimStart();
    const indent = raw.slice(0, raw.length - trimmed.length);
    if (trimmed.startsWith('//')) {
      inExample = false;
      const content = trimmed.slice(2);
      const body = content.trimStart();
      if (/^```/.test(body)) {
        fence = !fence;
        if (long) left.fence++;
        out.push(raw);
        continue;
      }
      if (!long) {
        out.push(raw);
        continue;
      }
      if (DIRECTIVE.test(trimmed)) left.directive++;
      else if (fence) left.fence++;
      else if (/^@example\b/.test(body)) left.example++;
      else if (content.length - body.length >= 3) left.preformatted++;
      else {
        const prefix = `${indent}//${content.slice(0, content.length - body.length)}`;
        emit(wrap(prefix, body, prefix), prefix, k, 'line', raw);
        continue;
      }
      out.push(raw);
      continue;
    }
    fence = false;
    inExample = false;
    // A block comment that starts this line: `/** text */` or `/** text` (continued below).
    if ((m = /^(\/\*\*?)( ?)(.*)$/.exec(trimmed)) && !trimmed.startsWith('/**/')) {
      const content = m[3];
      const closes = content.indexOf('*/');
      const tail = closes >= 0 ? content.slice(closes + 2).trim() : '';
      const body = (closes >= 0 ? content.slice(0, closes) : content).trim();
      if (/^@example\b/.test(body) && closes < 0) inExample = true;
      if (!long) {
        out.push(raw);
        continue;
      }
      if (tail !== '' || body === '' || /^```/.test(body)) {
        left.code++;
        out.push(raw);
        continue;
      }
      if (/^@example\b/.test(body)) {
        left.example++;
        out.push(raw);
        continue;
      }
      const star = `${indent} * `;
      if (closes >= 0) {
        const res = wrap(star, body, star) ?? [star + body];
        if (res.some((l) => len(l) > WIDTH) && res.length === 1) {
          left.unbreakable++;
          out.push(raw);
          continue;
        }
        out.push(`${indent}${m[1]}`, ...res, `${indent} */`);
        touched.add(k);
      } else {
        emit(wrap(`${indent}${m[1]} `, body, star), star, k, 'block', raw);
      }
      continue;
    }
    if (long) left.code++;
    out.push(raw);
  }
  return { text: out.join('\n'), changed: touched.size, left };
}

const files = paths.length ? paths.flatMap((p) => walk(p, [])) : ROOTS.flatMap((r) => walk(r, []));
const total = { example: 0, fence: 0, preformatted: 0, unbreakable: 0, code: 0, directive: 0 };
let changedLines = 0;
const changedFiles = [];
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const res = processFile(text);
  for (const k of Object.keys(total)) total[k] += res.left[k];
  if (res.text !== text) {
    changedLines += res.changed;
    changedFiles.push(f);
    if (!check) writeFileSync(f, res.text);
  }
}
const kept = Object.entries(total)
  .filter(([k, v]) => v && k !== 'code')
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
if (check) {
  for (const f of changedFiles)
    console.error(`${f}: comment lines longer than ${WIDTH} characters`);
  console.log(
    `wrap-comments --check: ${changedLines} comment lines to wrap in ${changedFiles.length} files` +
      ` (of ${files.length}); long comment lines allowed: ${kept || 'none'}`,
  );
  process.exit(changedFiles.length ? 1 : 0);
}
console.log(
  `wrap-comments: wrapped ${changedLines} comment lines in ${changedFiles.length} files` +
    ` (of ${files.length}); left long: ${kept || 'no comment lines'}, ${total.code} code/string lines (not comments)`,
);
