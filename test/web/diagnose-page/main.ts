// The weight-diagnostics view alone on a page, for test/web/diagnose.test.ts: the explorer's
// navigation lazy-loads the same module, so what is tested here is what the explorer shows.
import { mountDiagnoseView } from '../../../web/src/diagnose/view.js';

mountDiagnoseView(document.getElementById('root')!);
