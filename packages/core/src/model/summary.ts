import { fmt, type Layer, type Shape } from '../layers/layer.js';

/** Keras 2's print_summary for a Sequential: 65 columns, fields cut at 29 / 55 / 65. */
const LINE = 65;
const POSITIONS = [29, 55, 65];

function row(fields: string[]): string {
  let line = '';
  fields.forEach((f, i) => {
    if (i > 0) line = `${line.slice(0, -1)} `;
    line = (line + f).slice(0, POSITIONS[i]);
    line += ' '.repeat(POSITIONS[i]! - line.length);
  });
  return line;
}

const thousands = (n: number) => n.toLocaleString('en-US');

export function summaryText(modelName: string, layers: readonly { layer: Layer; outputShape: Shape }[]): string {
  const out: string[] = [`Model: "${modelName}"`, '_'.repeat(LINE), row(['Layer (type)', 'Output Shape', 'Param #']), '='.repeat(LINE)];
  layers.forEach(({ layer, outputShape }, i) => {
    out.push(row([`${layer.name} (${layer.className})`, `(${fmt(outputShape)})`, String(layer.countParams())]));
    out.push((i === layers.length - 1 ? '=' : '_').repeat(LINE));
  });
  const total = layers.reduce((n, { layer }) => n + layer.countParams(), 0);
  const trainable = layers.reduce((n, { layer }) => n + layer.trainableWeights.reduce((m, v) => m + v.size, 0), 0);
  out.push(`Total params: ${thousands(total)}`, `Trainable params: ${thousands(trainable)}`, `Non-trainable params: ${thousands(total - trainable)}`, '_'.repeat(LINE));
  return out.join('\n');
}
