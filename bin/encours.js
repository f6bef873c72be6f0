#!/usr/bin/env node
// Launcher for `npx encours …`: runs the TypeScript CLI on the Node 24 that npm installed
// with the project, whatever Node started this script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(main);
} else {
  const require = createRequire(import.meta.url);
  let nodeBinary = join(root, 'node_modules', 'node', 'bin', 'node');
  try {
    nodeBinary = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {}
  if (!existsSync(nodeBinary)) {
    process.stderr.write('encours: Node 24 not found; run `npm install` first\n');
    process.exit(1);
  }
  const result = spawnSync(nodeBinary, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
