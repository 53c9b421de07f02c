/**
 * The explorer's entry point: the `view` URL parameter picks the page (masked SSR by default, a
 * lab view, the weight diagnostics or docs/theory.md); the navigation links are plain relative
 * links (`?view=…`), so every page has its own address and works from any static host. Pages
 * other than the SSR one are loaded only when opened.
 */
import { mountSsrPage } from './ssr-page.js';

const view = new URLSearchParams(location.search).get('view') ?? 'ssr';
const ssrPage = document.getElementById('ssr-page')!;
const labPage = document.getElementById('lab-page')!;

for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]'))
  if (link.dataset.nav === view) link.setAttribute('aria-current', 'page');

/** Mounts the page of a view other than SSR; resolves to false for an unknown view. */
async function mountOther(name: string, root: HTMLElement): Promise<boolean> {
  if (name === 'weights') {
    const { mountDiagnoseView } = await import('./diagnose/view.js');
    root.textContent = '';
    const unmount = mountDiagnoseView(root);
    addEventListener('pagehide', unmount, { once: true });
    return true;
  }
  if (name === 'theory') {
    (await import('./theory.js')).mountTheory(root);
    return true;
  }
  const [{ LAB_VIEWS }, { mountLab }] = await Promise.all([
    import('./lab/registry.js'),
    import('./lab/frame.js'),
  ]);
  const lab = Object.hasOwn(LAB_VIEWS, name) ? LAB_VIEWS[name] : undefined;
  if (!lab) return false;
  mountLab(root, lab);
  return true;
}

if (view === 'ssr') {
  ssrPage.hidden = false;
  mountSsrPage();
} else {
  labPage.hidden = false;
  labPage.textContent = 'loading…';
  document.title = `rmtkit explorer — ${view}`;
  void mountOther(view, labPage).then((known) => {
    if (known) return;
    labPage.innerHTML = `<p role="alert">There is no view called “${view.replace(/[<&>]/g, '')}”; choose one above.</p>`;
  });
}
