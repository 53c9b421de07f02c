import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** File and line of the opening fence, e.g. `docs/ssr.md:16`. */
  where: string;
  /** The fence's info string: `ts`, `sh`, `console` or '' (an untyped block). */
  lang: string;
  body: string;
  /**
   * The `<!-- docs-check: … -->` comment on the line just above the fence, if any:
   * `skip <reason>` or `exit <code>`.
   */
  directive?: string;
}

const FENCE = /^```(\w*)\s*$/;
const DIRECTIVE = /^<!--\s*docs-check:\s*(.+?)\s*-->\s*$/;

/** The Markdown files whose code blocks are checked: README.md and docs/*.md. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** Every fenced block of `file` (relative to `root`), with its directive comment. */
export function codeBlocks(root: string, file: string): CodeBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const directive = start > 0 ? DIRECTIVE.exec(lines[start - 1]!)?.[1] : undefined;
    blocks.push({
      where: `${file}:${start + 1}`,
      lang: open[1]!,
      body: body.join('\n'),
      directive,
    });
  }
  return blocks;
}

/** A documented `rmtkit` command and the exit code its transcript shows (0 unless `(exit N)`). */
export interface DocumentedCommand {
  line: string;
  exit?: number;
}

/**
 * The `rmtkit` command lines of a shell or console block: lines `npx rmtkit …` or
 * `$ npx rmtkit …`, with a trailing `# comment` removed and backslash continuations joined. In a
 * transcript, `(exit N)` in the output before the next command gives the expected exit code.
 */
export function commandLines(body: string): DocumentedCommand[] {
  const joined = body.replace(/\\\n\s*/g, ' ');
  const commands: DocumentedCommand[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.replace(/^\s*\$\s+/, '').trim();
    if (line.startsWith('npx rmtkit ')) {
      commands.push({ line: line.replace(/\s+#.*$/, '').trim() });
      continue;
    }
    const exit = /\(exit (\d+)\)/.exec(raw)?.[1];
    const last = commands.at(-1);
    if (exit !== undefined && last) last.exit = Number(exit);
  }
  return commands;
}

/** Splits a command line into words as a POSIX shell would for plain and quoted words. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let current = '';
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    const gap = line.slice(last, m.index);
    if (/\s/.test(gap) && current !== '') {
      words.push(current);
      current = '';
    }
    current += m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!;
    last = m.index! + m[0].length;
  }
  if (current !== '') words.push(current);
  return words;
}

/**
 * The TypeScript blocks of one file as one script, run top to bottom like a notebook (a later
 * block may use an earlier block's variables): the `rmtkit` imports are merged into one import of
 * the sources (so the blocks run against this checkout), and `expr; // 0.8934 …` becomes an
 * assertion that `expr` rounds to the number shown, to the digits shown (`// true`, `// false`:
 * equals it).
 */
export function notebookScript(blocks: readonly CodeBlock[], sourceIndex: string): string {
  const names = new Set<string>();
  const body: string[] = [];
  for (const block of blocks) {
    body.push(`// ${block.where}`);
    for (const line of block.body.split('\n')) {
      const imported = /^import\s*\{([^}]*)\}\s*from\s*'rmtkit';?(.*)$/.exec(line);
      if (imported) {
        for (const name of imported[1]!.split(',')) if (name.trim()) names.add(name.trim());
        continue;
      }
      const declaration = /^\s*(const|let|var|if|for|while|return|throw|await\s+using)\b/.test(
        line,
      );
      const m = declaration
        ? null
        : /^(\s*)([^/\s].*?);\s*\/\/\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?|true|false)(?=\s|,|$)/.exec(
            line,
          );
      body.push(
        m
          ? `${m[1]}__expectShown(${m[2]}, '${m[3]}', ${JSON.stringify(`${block.where}: ${line.trim()}`)});`
          : line,
      );
    }
  }
  const header = `import { ${[...names].join(', ')} } from ${JSON.stringify(sourceIndex)};`;
  return `${header}\n${EXPECT_SHOWN}\n${body.join('\n')}\n`;
}

// Defined in the generated script: the documented value is the computed one rounded to the
// digits printed (0.8934 accepts [0.89335, 0.89345]).
const EXPECT_SHOWN = `function __expectShown(value: unknown, shown: string, line: string): void {
  if (shown === 'true' || shown === 'false') {
    if (value === (shown === 'true')) return;
    throw new Error(\`the docs show \${shown} but the code gives \${String(value)}: \${line}\`);
  }
  const digits = shown.includes('.') ? shown.split(/e/i)[0]!.split('.')[1]!.length : 0;
  const exponent = /e(-?\\d+)/i.exec(shown)?.[1];
  const half = 0.5 * 10 ** (-digits + (exponent ? Number(exponent) : 0));
  if (typeof value !== 'number' || !(Math.abs(value - Number(shown)) <= half * (1 + 1e-9))) {
    throw new Error(\`the docs show \${shown} but the code gives \${String(value)}: \${line}\`);
  }
}`;
