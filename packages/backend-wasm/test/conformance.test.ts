import { describeBackend } from '@dlts/conformance';
import { shutdownBackends } from '@dlts/core';
import { afterAll } from 'vitest';
import { factory, TOLERANCE } from './configurations.js';
import { exclusions } from './conformance.exclusions.js';

describeBackend('wasm', factory('wasm'), { tolerance: TOLERANCE, exclusions });
afterAll(() => shutdownBackends());
