import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from './chart.js';

/**
 * Renders a Vega-Lite spec to an SVG string headlessly: Vega's scenegraph has an SVG renderer
 * that needs no DOM and no canvas (text widths are estimated), so no native module is loaded.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
