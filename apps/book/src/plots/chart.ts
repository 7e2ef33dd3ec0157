import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite chart description; plots/render_svg.ts turns it into an SVG file. */
export type VegaLiteSpec = TopLevelSpec;

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

const SIZE = { width: 480, height: 320 } as const;

/** Non-finite values (a diverged loss) would break the scales: Vega-Lite drops nulls. */
function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Curves over epochs, one colour per series (matplotlib's `plt.plot(losses)` for each list);
 * `yMax` fixes the y range to [0, yMax] and clips what lies above, as the book's `plt.ylim(0, 0.3)`.
 */
export function lineChart(opts: { title: string; xTitle?: string; yTitle: string; series: readonly Series[]; yMax?: number }): VegaLiteSpec {
  const values = opts.series.flatMap((s) => s.values.map((v, i) => ({ i, v: finite(v), series: s.name })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    ...SIZE,
    data: { values },
    mark: { type: 'line', clip: true },
    encoding: {
      x: { field: 'i', type: 'quantitative', title: opts.xTitle ?? 'epoch' },
      y: { field: 'v', type: 'quantitative', title: opts.yTitle, ...(opts.yMax === undefined ? {} : { scale: { domain: [0, opts.yMax] } }) },
      color: { field: 'series', type: 'nominal', title: null, sort: opts.series.map((s) => s.name) },
    },
  };
}

/** Ch03: the data as points and the fitted line between two x values. */
export function scatterWithLine(opts: { title: string; xTitle: string; yTitle: string; points: readonly Point[]; line: readonly [Point, Point] }): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    ...SIZE,
    layer: [
      { data: { values: opts.points.map((p) => ({ x: p.x, y: p.y })) }, mark: { type: 'point', filled: true, size: 12, opacity: 0.6 } },
      { data: { values: opts.line.map((p) => ({ x: p.x, y: p.y })) }, mark: { type: 'line', color: 'firebrick', strokeWidth: 2 } },
    ],
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.xTitle },
      y: { field: 'y', type: 'quantitative', title: opts.yTitle },
    },
  };
}

/** Ch05: the path two weights take during training (`plt.plot(w2, w3)`), the end point marked. */
export function pathChart(opts: { title: string; xTitle: string; yTitle: string; points: readonly Point[] }): VegaLiteSpec {
  const values = opts.points.map((p, step) => ({ step, x: p.x, y: p.y }));
  const last = values[values.length - 1];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    ...SIZE,
    layer: [
      { data: { values }, mark: { type: 'line', strokeWidth: 1 }, encoding: { order: { field: 'step', type: 'quantitative' } } },
      { data: { values: last ? [last] : [] }, mark: { type: 'point', shape: 'circle', filled: true, size: 80, color: 'firebrick' } },
    ],
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.xTitle, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: opts.yTitle, scale: { zero: false } },
    },
  };
}

/** Ch05: every weight's final value, one colour per regularisation strength (`plt.plot(w, 'bo')`). */
export function weightsChart(opts: { title: string; series: readonly Series[] }): VegaLiteSpec {
  const values = opts.series.flatMap((s) => s.values.map((v, i) => ({ i, v, series: s.name })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    ...SIZE,
    data: { values },
    mark: { type: 'point', filled: true, size: 30 },
    encoding: {
      x: { field: 'i', type: 'quantitative', title: 'weight index' },
      y: { field: 'v', type: 'quantitative', title: 'value' },
      color: { field: 'series', type: 'nominal', title: null, sort: opts.series.map((s) => s.name) },
    },
  };
}
