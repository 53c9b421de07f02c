import theoryText from '../../docs/theory.md?raw';
import { escapeHtml } from './export.js';
import { sectionId } from './theory-sections.js';

/**
 * Shows docs/theory.md, bundled into the page (so that the citations of every view work from any
 * static host, offline too): headings become anchors `#s<section>`, code blocks stay
 * preformatted, the rest is shown as its Markdown text. Scrolls to the section in the URL's hash.
 * @example mountTheory(document.getElementById('lab-page')!)
 */
export function mountTheory(root: HTMLElement): void {
  const parts: string[] = [];
  let paragraph: string[] = [];
  let code: string[] | null = null;
  const flush = () => {
    if (paragraph.length) parts.push(`<p>${escapeHtml(paragraph.join('\n'))}</p>`);
    paragraph = [];
  };
  for (const text of theoryText.split('\n')) {
    if (code) {
      if (text.startsWith('```')) {
        parts.push(`<pre>${escapeHtml(code.join('\n'))}</pre>`);
        code = null;
      } else code.push(text);
    } else if (text.startsWith('```')) {
      flush();
      code = [];
    } else if (/^#{1,6}\s/.test(text)) {
      flush();
      const level = Math.min(4, text.indexOf(' ') + 1);
      const id = sectionId(text);
      const title = escapeHtml(text.replace(/^#+\s*/, ''));
      parts.push(`<h${level}${id ? ` id="${id}"` : ''}>${title}</h${level}>`);
    } else if (text.trim() === '') flush();
    else paragraph.push(text);
  }
  flush();
  root.innerHTML = `<article class="theory" aria-label="docs/theory.md">${parts.join('\n')}</article>`;
  const target = location.hash
    ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
    : null;
  target?.scrollIntoView();
}
