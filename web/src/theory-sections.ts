/**
 * The section id of a docs/theory.md heading (`## §12 …` → `s12`, `### §12.1 …` → `s12.1`), or
 * null for a heading without a section number.
 * @example sectionId('### §8.1 Free-probability laws') // 's8.1'
 */
export function sectionId(heading: string): string | null {
  const m = /^#{1,6}\s+§(\d+(?:\.\d+)*)/.exec(heading);
  return m ? `s${m[1]}` : null;
}
