// Load time and peak memory of one loader call, for the package README. Build first
// (pnpm --filter @dlts/data build); point DLTS_DATA_DIR at the offline copies or let it download.
// Usage: node scripts/measure_load.mjs fashion-mnist [uint8|float32|float64] | imdb | imdb-text-build
import { fileURLToPath } from 'node:url';
import * as data from '../dist/index.js';

const [what = 'fashion-mnist', dtype = 'uint8'] = process.argv.slice(2);
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
let held = 0;
if (what === 'fashion-mnist') {
  const fm = await data.loadFashionMnist({ dtype, progress: false });
  held = [fm.xTrain, fm.yTrain, fm.xTest, fm.yTest].reduce((s, a) => s + a.data.byteLength, 0);
} else if (what === 'imdb') {
  const imdb = await data.loadImdb({ progress: false });
  held = [...imdb.xTrain, ...imdb.xTest].reduce((s, x) => s + x.byteLength, 0);
} else if (what === 'imdb-text-build') {
  // The raw-text builder over the offline text copy, as the tests run it.
  const dir = process.env.DLTS_DATA_DIR ?? fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));
  const index = await data.readImdbWordIndex(`${dir}/imdb/imdb_word_index.json`);
  const encoder = new data.ImdbEncoder(index);
  const file = 'aclImdb_train_test_text.jsonl.gz';
  await data.forEachImdbTextLine(`${dir}/imdb/${file}`, data.fileSpec('imdb', file), (r) => encoder.add(r));
  const encoded = data.kerasImdbShuffle(encoder.finish(), data.KERAS_IMDB_SEED);
  held = [...encoded.train.x, ...encoded.test.x].reduce((s, x) => s + x.byteLength, 0);
} else {
  throw new Error(`unknown data set '${what}' (fashion-mnist, imdb, imdb-text-build)`);
}
const ms = performance.now() - start;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`${what}${what === 'fashion-mnist' ? ` ${dtype}` : ''}: ${ms.toFixed(0)} ms; arrays held ${mb(held)}; RSS before ${mb(rssBefore)}, peak ${mb(peak)} (+${mb(peak - rssBefore)})`);
