#!/usr/bin/env node
// pocketkube entry point (built code in dist/; `npm run build` first).
import { main } from '../dist/cli/main.js';

await main(process.argv.slice(2), import.meta.url);
