/** Row types of the internal-audit signal settings (migration 0014), listed in infra/schema.ts. */
import type { ColumnType } from 'kysely';

export interface AuditSignalSettingsTable {
  company_id: string;
  thresholds: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string;
}

export interface AuditSignalTables {
  audit_signal_settings: AuditSignalSettingsTable;
}
