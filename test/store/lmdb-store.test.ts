import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { LmdbStore } from '../../src/store/lmdb-store.js';
import { storeContract } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'pk-lmdb-contract-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

storeContract('LmdbStore', (options) => LmdbStore.open(join(root, `s${n++}`), options));
