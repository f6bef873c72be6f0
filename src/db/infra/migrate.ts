/**
 * Applies the numbered SQL files of /migrations in order, each in its own transaction, and
 * records them. Forward-only: an applied migration whose file changed is an error, never
 * re-run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', '..', 'migrations');

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Returns the names of the migrations applied by this call. */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect();
  try {
    // Serialises concurrent starters on a shared server; harmless on PGlite.
    await client.query('select pg_advisory_lock(7365120)');
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum char(64) not null,
      applied_at timestamptz not null default now())`);
    const applied = new Map<number, string>();
    const result = await client.query<{ version: number; checksum: string }>(
      'select version, checksum from schema_migrations',
    );
    for (const row of result.rows) applied.set(row.version, row.checksum);
    const done: string[] = [];
    for (const migration of listMigrations(dir)) {
      const appliedChecksum = applied.get(migration.version);
      if (appliedChecksum !== undefined) {
        if (appliedChecksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after being applied; add a new migration instead`,
          );
        }
        continue;
      }
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('select pg_advisory_unlock(7365120)').catch(() => undefined);
    client.release();
  }
}
