import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import 'dlts';
import { APPS, runExperiment } from '../src/index.js';
import { lineChart, pathChart, weightsChart } from '../src/plots/chart.js';
import { renderSvg } from '../src/plots/render_svg.js';

const dir = mkdtempSync(join(tmpdir(), 'dlts-book-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('charts', () => {
  it('renders a loss chart to SVG with its title, axes and series', async () => {
    const svg = await renderSvg(lineChart({ title: 'Learning curve', yTitle: 'loss', series: [{ name: 'train_loss', values: [0.7, 0.4, 0.3] }, { name: 'val_loss', values: [0.8, 0.5, Infinity] }] }));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Learning curve', 'epoch', 'loss', 'train_loss', 'val_loss']) expect(svg).toContain(`>${text}<`);
  });

  it('renders weight paths and weight values', async () => {
    expect(await renderSvg(pathChart({ title: 'path', xTitle: 'w[2]', yTitle: 'w[3]', points: [{ x: 1, y: 1 }, { x: 2, y: 0.5 }] }))).toContain('>w[3]<');
    expect(await renderSvg(weightsChart({ title: 'weights', series: [{ name: 'l1=0.01', values: [0.1, -0.2] }] }))).toContain('>l1=0.01<');
  });

  it("writes an experiment's charts under reports/<backend>-<dtype>/", async () => {
    const r = await runExperiment(APPS.all.find((e) => e.id === 'ch03.neuron')!, 'cpu', 'float64', { reportsDir: dir });
    const file = join(dir, 'cpu-float64', 'ch03.neuron.fitted_line.svg');
    expect(r.plots).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg[\s\S]*Ch03 Neuron: w = 913\.59734/);
    expect(readdirSync(join(dir, 'cpu-float64')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
