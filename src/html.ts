/*
 * HTML text for the self-contained pages (`rmtkit diagnose --report`, `rmtkit reproduce`) and the
 * explorer's markup: escaping, and the page shell around a body.
 */

/**
 * Text made safe to put into HTML markup and double-quoted attributes.
 * @example escapeHtml('a < b') // 'a &lt; b'
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/**
 * A complete HTML document: UTF-8, a phone-width viewport, the title (escaped), `style` inline
 * and `body` as given (markup).
 * @example htmlPage('rmtkit diagnose report', 'body{margin:0}', '<h1>rmtkit diagnose</h1>')
 */
export function htmlPage(title: string, style: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body>
${body}
</body></html>
`;
}
