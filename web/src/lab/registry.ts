import { decompressionView } from './decompression.js';
import { doubleDescentView } from './double-descent.js';
import { lawsView } from './laws.js';
import { sketchingView } from './sketching.js';
import type { LabView } from './types.js';

/** The lab views by id (the `view` URL parameter), in navigation order. */
export const LAB_VIEWS: Record<string, LabView<any>> = {
  laws: lawsView,
  'double-descent': doubleDescentView,
  decompression: decompressionView,
  sketching: sketchingView,
};
