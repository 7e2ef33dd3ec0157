import { describeBackend } from '@dlts/conformance';
import { shutdownBackends } from '@dlts/core';
import { afterAll } from 'vitest';
import { factory, TOLERANCE } from '../configurations.js';
import { exclusions } from '../conformance.exclusions.js';

describeBackend('wasm-relaxed-2t', factory('wasm-relaxed-2t'), { tolerance: TOLERANCE, exclusions });
afterAll(() => shutdownBackends());
