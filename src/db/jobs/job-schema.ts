/** Row types of the job tables (migrations 0005, 0070), as node-postgres returns them. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface JobsTable {
  company_id: string;
  job_id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  status: Generated<string>;
  progress_done: Generated<number>;
  progress_total: number | null;
  progress_code: string | null;
  progress_params: ColumnType<Record<string, unknown>, string | undefined, string>;
  checkpoint: Json<unknown> | null;
  result: Json<unknown> | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  cancel_requested: Generated<boolean>;
  error: string | null;
  /** The error in each language (`{ fr, en }`), when it was worded from the catalogue (0070). */
  error_words: Json<Readonly<Record<string, string>>> | null;
  created_by: string;
  schedule_id: number | null;
  run_after: Timestamp;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobSchedulesTable {
  company_id: string;
  schedule_id: Generated<number>;
  kind: string;
  cron: string;
  time_zone: Generated<string>;
  payload: Json<unknown>;
  enabled: Generated<boolean>;
  last_fired_at: Timestamp | null;
  next_fire_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
