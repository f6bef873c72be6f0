/** Row types of the promotions (migration 0014), listed in infra/schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface PromotionsTable {
  company_id: string;
  promotion_code: string;
  name: string;
  payment_terms: string;
  payment_methods: Defaulted<string[]>;
  guarantees: Defaulted<string[]>;
  valid_from: string;
  valid_to: string;
  eligible_customers: Defaulted<string[]>;
  eligible_customer_types: Defaulted<string[]>;
  status: Defaulted<string>;
  submitted_by: string;
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_comment: string | null;
}

export interface PromotionTables {
  promotions: PromotionsTable;
}
