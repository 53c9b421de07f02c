/**
 * Saves `content` as a file named `name` (a link to an object URL, clicked; nothing leaves the
 * machine).
 * @example download('layers.csv', csvText, 'text/csv');
 */
export function download(name: string, content: string | Blob, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL can go once that task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
