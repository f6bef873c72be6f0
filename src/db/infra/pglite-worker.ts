/**
 * Runs the embedded PGlite engine in a worker thread and serves it over a private unix
 * socket with the PostgreSQL wire protocol. The main thread talks to it with node-postgres,
 * exactly like a PostgreSQL server: one driver, one set of type parsers, and the HTTP
 * event loop never blocks on WASM query execution.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface WorkerInput {
  /** Directory for the data files, or 'memory://'. */
  dataDir: string;
  socketPath: string;
  /** A file written on a 'save' message, to start from instead of an empty cluster (memory only). */
  image?: string | undefined;
}

const input = workerData as WorkerInput;

async function start(): Promise<void> {
  const db = input.image
    ? await PGlite.create({ loadDataDir: fileAsBlob(input.image) })
    : await PGlite.create(input.dataDir === 'memory://' ? undefined : input.dataDir);
  // The main thread's pool holds at most one client, so transactions never interleave on the
  // single PGlite session. The server still accepts a few connections: node-postgres discards a
  // client after a failed query and opens the next one before the old socket has closed.
  const debug = process.env['ENCOURS_PGLITE_DEBUG'] === '1';
  const server = new PGLiteSocketServer({
    db,
    path: input.socketPath,
    maxConnections: 4,
    debug,
    inspect: debug,
  });
  await server.start();
  parentPort?.postMessage({ type: 'ready' });
  parentPort?.on('message', async (message: { type: string; file?: string }) => {
    if (message.type === 'save' && message.file) {
      try {
        // A checkpoint first, so that the image holds the data files, not a log to replay.
        await db.exec('checkpoint');
        // Uncompressed: the tests that write images read them as plain tar (test-images.ts), and
        // gzipping tens of megabytes cost seconds of CPU for each image built.
        const image = await db.dumpDataDir('none');
        writeFileSync(message.file, Buffer.from(await image.arrayBuffer()));
        parentPort?.postMessage({ type: 'saved' });
      } catch (error) {
        parentPort?.postMessage({
          type: 'error',
          message: error instanceof Error ? error.stack : String(error),
        });
      }
      return;
    }
    if (message.type !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort?.postMessage({ type: 'stopped' });
  });
}

/**
 * The file as the Blob PGlite reads an image from: PGlite only asks for its bytes (arrayBuffer),
 * and a Node Blob built from them would copy tens of megabytes in and read them back in small
 * chunks (a fifth of a second of CPU for the demo image, for every test file opening it).
 */
function fileAsBlob(file: string): Blob {
  const bytes = readFileSync(file);
  const whole = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
  const buffer = whole
    ? bytes.buffer
    : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { type: '', size: bytes.byteLength, arrayBuffer: async () => buffer } as unknown as Blob;
}

start().catch((error: unknown) => {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
});
