import { describeBackend } from '@dlts/conformance';
import { createTfjsBackend } from '../src/index.js';
import { exclusions } from './conformance.exclusions.js';
import { TOLERANCE } from './tolerance.js';

describeBackend('tfjs', () => createTfjsBackend({ engine: 'wasm' }), { tolerance: TOLERANCE.wasm, exclusions });
