/** The shapes of /api/reports/* as the web application reads them, and their URLs (with the language). */

import type { Lang } from '../../src/text/catalogue.ts';
import { query } from './api.ts';

// The report shapes are the static types of the API's schemas (type-only: erased from the bundle).
export type {
  AgingBucket,
  AgingDocument,
  AgingDrill,
  AgingFigures,
  AgingGroup,
  AgingReport,
  AnomalyReport,
  Evidence,
  Finding,
  KpiMonth,
  KpiReport,
  RiskLevel,
  RiskRow,
  RiskTable,
} from '../../src/http/schemas/reports.ts';

export const RISK_COLORS: Record<string, string> = {
  critical: 'red',
  high: 'orange',
  moderate: 'yellow',
  low: 'green',
};
/** The same colours for ECharts, which does not know Mantine's palette names. */
export const RISK_HEX: Record<string, string> = {
  critical: '#e03131',
  high: '#f76707',
  moderate: '#f59f00',
  low: '#2f9e44',
};

type Params = Record<string, string | number | boolean | undefined | null>;

/** Every report call names the language, so that labels and finding titles come back translated. */
export function reportPath(name: string, lang: Lang, params: Params = {}): string {
  return `/api/reports/${name}${query({ ...params, lang })}`;
}
