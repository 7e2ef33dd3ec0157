// Copies the repository's data-set manifest (datasets/manifest.json) into the package, which
// imports it at run time; test/manifest.test.ts fails when the two differ. Written atomically.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const source = new URL('../../../datasets/manifest.json', import.meta.url);
const target = new URL('../src/manifest.json', import.meta.url);
const tmp = new URL(`../src/manifest.json.${process.pid}.tmp`, import.meta.url);
const text = readFileSync(source);
JSON.parse(text.toString('utf8'));
writeFileSync(tmp, text);
renameSync(tmp, target);
console.log(`copied ${source.pathname} -> ${target.pathname}`);
