#!/usr/bin/env node
// The program is TypeScript run through tsx, so the published command and the tests execute
// exactly the same source files.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
