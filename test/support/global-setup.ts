/**
 * Before the first database test file, the images the selected files will copy: their builds
 * (a minute or more on a loaded machine) then never count against a test's time limit, and a
 * build killed with a timed-out test is not started over by the next file. The demo images are
 * built only when a selected file uses one; a file that asks for an image not built here
 * (test-images.ts) builds it itself. Likewise the web application when a browser test runs:
 * built here once, not by two forks at the same time, each in a test file's time limit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { webBuildIsStale } from '../../web/build-if-stale.ts';
import {
  demoRecipe,
  embeddedImage,
  type ImageRecipe,
  MIGRATED,
  ROOT,
  serverTemplate,
} from './test-images.ts';

export default async function buildImages(project: TestProject): Promise<void> {
  const serverUrl = process.env['ENCOURS_TEST_DATABASE_URL'];
  const build = (recipe: ImageRecipe) =>
    serverUrl ? serverTemplate(serverUrl, recipe) : embeddedImage(recipe);
  // The file filters of the command line (kept by vitest, not in its types; none: every file).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const selected = selectedTestFiles(filters);
  // The builds run side by side, the machine's two cores each busy: the web application in a
  // process of its own (Vite sets NODE_ENV for its build, which must not leak into the images),
  // the two demo images each in an engine of its own once the migrated image they start from is there.
  const web =
    existsSync('/usr/bin/chromium') &&
    selected.some((file) => readFileSync(file, 'utf8').includes('browser-fixture')) &&
    webBuildIsStale()
      ? buildWebInChild()
      : Promise.resolve();
  try {
    await build(MIGRATED);
    await Promise.all([...demoActorsOf(selected)].map((actor) => build(demoRecipe(actor))));
  } finally {
    await web;
  }
}

function buildWebInChild(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'web', 'build-if-stale.ts')], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`the web build exited with code ${code}`)),
    );
  });
}

/** The test files the command line selects (the filters of the command line; none: every file). */
function selectedTestFiles(filters: readonly string[]): string[] {
  return testFiles(join(ROOT, 'test')).filter((file) => {
    const path = relative(ROOT, file);
    return filters.length === 0 || filters.some((filter) => file.includes(filter) || path.includes(filter));
  });
}

/** The demo images the selected test files open: 'test' for openDemoTestDatabase(), 'system' for the browser. */
function demoActorsOf(files: readonly string[]): Set<'test' | 'system'> {
  const actors = new Set<'test' | 'system'>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (/openDemoTestDatabase\(\s*\)/.test(source)) actors.add('test');
    // The browser tests skip themselves without Chromium, and open nothing then.
    if (source.includes('browser-fixture') && existsSync('/usr/bin/chromium')) actors.add('system');
  }
  return actors;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
