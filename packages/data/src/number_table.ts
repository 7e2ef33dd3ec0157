import { DataFormatError } from './errors.js';
import { dataArray, type DataArray } from './data_array.js';

/**
 * Parses a table of numbers, one row a line, cells split by `delimiter` (a string, or /\s+/ for
 * whitespace as numpy.loadtxt does), into float64 [rows, columns]. Every row must have the same
 * width and every cell must be a number: the error names the line and cell.
 */
export function parseNumberTable(text: string, label: string, delimiter: string | RegExp, skipLines = 0): DataArray<Float64Array> {
  const lines = text.split('\n');
  const values: number[] = [];
  let width = -1;
  let rows = 0;
  for (let li = skipLines; li < lines.length; li++) {
    const line = lines[li]!.trim();
    if (line === '') continue;
    const cells = line.split(delimiter);
    if (width < 0) width = cells.length;
    if (cells.length !== width) throw new DataFormatError(`${label}: line ${li + 1} has ${cells.length} cells, earlier lines have ${width}`);
    for (const cell of cells) {
      const v = Number(cell);
      if (cell.trim() === '' || Number.isNaN(v)) throw new DataFormatError(`${label}: line ${li + 1} has a cell that is not a number: '${cell}'`);
      values.push(v);
    }
    rows++;
  }
  return dataArray(Float64Array.from(values), [rows, Math.max(width, 0)]);
}
