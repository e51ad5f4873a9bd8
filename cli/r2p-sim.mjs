#!/usr/bin/env node
// Entry point for `r2p-sim` / `npx r2p-sim`: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
