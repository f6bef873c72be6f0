/** Row types of the mail outbox (migration 0004), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Addresses = ColumnType<string[], string[] | undefined, string[]>;

export interface MailOutboxTable {
  company_id: string;
  outbox_id: Generated<number>;
  idempotency_key: string;
  category: string;
  from_address: string;
  to_addresses: Addresses;
  cc_addresses: Addresses;
  bcc_addresses: Addresses;
  reply_to: string | null;
  subject: string;
  html_body: string | null;
  text_body: string;
  customer_code: string | null;
  document_ref: string | null;
  message_id_header: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  lease_token: string | null;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Timestamp;
  created_by: string;
  sent_at: NullableTimestamp;
}

export interface MailOutboxAttachmentsTable {
  company_id: string;
  outbox_id: number;
  position: number;
  filename: string;
  content_type: string;
  /** null until rendered from `render_job` (migration 0028). */
  content: Buffer | null;
  render_job: ColumnType<unknown, string | null | undefined, string | null>;
}
