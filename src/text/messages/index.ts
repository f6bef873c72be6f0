/**
 * Every message file of the catalogue. A new area adds its file here, one line: the catalogue
 * merges them all and its test checks each key exists in both languages with the same arguments.
 * Keys are `area.key` and must not collide across files (the merge refuses a duplicate).
 * The web application bundles every file listed here, so text only the command line shows is not:
 * the files of its help are listed in `cli-help.ts`, and src/cli/help-words.ts adds them.
 */
import { admin } from './admin.ts';
import { agenda } from './agenda.ts';
import { anomalies } from './anomalies.ts';
import { app } from './app.ts';
import { audit } from './audit.ts';
import { auditFields } from './audit-fields.ts';
import { auditSignals } from './audit-signals.ts';
import { auditValues } from './audit-values.ts';
import { cash } from './cash.ts';
import { cashControl } from './cash-control.ts';
import { cashStart } from './cash-start.ts';
import { cli } from './cli.ts';
import { common } from './common.ts';
import { credit } from './credit.ts';
import { creditConfigProblems } from './credit-config-problems.ts';
import { creditCustomerMail } from './credit-customer-mail.ts';
import { creditRequests } from './credit-requests.ts';
import { creditWatch } from './credit-watch.ts';
import { creditWeb } from './credit-web.ts';
import { demo } from './demo.ts';
import { disputes } from './disputes.ts';
import { dunning } from './dunning.ts';
import { dunningCases } from './dunning-cases.ts';
import { dunningCodes } from './dunning-codes.ts';
import { dunningEscalation } from './dunning-escalation.ts';
import { dunningFollowUp } from './dunning-follow-up.ts';
import { dunningHistory } from './dunning-history.ts';
import { dunningMail } from './dunning-mail.ts';
import { dunningProposals } from './dunning-proposals.ts';
import { dunningRates } from './dunning-rates.ts';
import { dunningReview } from './dunning-review.ts';
import { errorsCash } from './errors-cash.ts';
import { errorsCli } from './errors-cli.ts';
import { errorsCredit } from './errors-credit.ts';
import { errorsDunning } from './errors-dunning.ts';
import { errorsGeneral } from './errors-general.ts';
import { errorsLegal } from './errors-legal.ts';
import { errorsProcedure } from './errors-procedure.ts';
import { errorsReports } from './errors-reports.ts';
import { factoring } from './factoring.ts';
import { fieldLabelsAL } from './field-labels-a-l.ts';
import { fieldLabelsMZ } from './field-labels-m-z.ts';
import { forecast } from './forecast.ts';
import { forecastBacktest } from './forecast-backtest.ts';
import { forecastCost } from './forecast-cost.ts';
import { forecastCuts } from './forecast-cuts.ts';
import { forecastDunning } from './forecast-dunning.ts';
import { forecastModel } from './forecast-model.ts';
import { forecastScoring } from './forecast-scoring.ts';
import { importProblems } from './import-problems.ts';
import { importWarnings } from './import-warnings.ts';
import { imports } from './imports.ts';
import { insuranceClaims } from './insurance-claims.ts';
import { jobs } from './jobs.ts';
import { kpis } from './kpis.ts';
import { labels } from './labels.ts';
import { legal } from './legal.ts';
import { legalHandover } from './legal-handover.ts';
import { legalHandoverPackage } from './legal-handover-package.ts';
import { legalProceedings } from './legal-proceedings.ts';
import { legalWriteOffs } from './legal-writeoffs.ts';
import { mail } from './mail.ts';
import { outsourcing } from './outsourcing.ts';
import { procedure } from './procedure.ts';
import { procedureDiagram } from './procedure-diagram.ts';
import { procedureReports } from './procedure-reports.ts';
import { procedureReportsMeasures } from './procedure-reports-measures.ts';
import { promotions } from './promotions.ts';
import { reports } from './reports.ts';
import { reportsExport } from './reports-export.ts';
import { reportsExportCustomerFile } from './reports-export-customer-file.ts';
import { terms } from './terms.ts';

export interface MessageFile {
  readonly fr: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

export const MESSAGE_FILES: Readonly<Record<string, MessageFile>> = {
  common,
  errorsDunning,
  errorsProcedure,
  errorsLegal,
  errorsCash,
  errorsCredit,
  errorsGeneral,
  errorsReports,
  errorsCli,
  fieldLabelsAL,
  fieldLabelsMZ,
  dunning,
  dunningMail,
  dunningCodes,
  dunningCases,
  dunningReview,
  dunningProposals,
  dunningRates,
  dunningFollowUp,
  dunningHistory,
  dunningEscalation,
  agenda,
  disputes,
  anomalies,
  audit,
  auditFields,
  auditValues,
  auditSignals,
  promotions,
  labels,
  app,
  reports,
  imports,
  importProblems,
  importWarnings,
  admin,
  kpis,
  cli,
  demo,
  reportsExport,
  reportsExportCustomerFile,
  mail,
  terms,
  jobs,
  credit,
  creditCustomerMail,
  creditWeb,
  creditRequests,
  creditWatch,
  creditConfigProblems,
  cash,
  outsourcing,
  cashControl,
  cashStart,
  forecast,
  forecastDunning,
  forecastScoring,
  forecastCost,
  forecastModel,
  forecastBacktest,
  forecastCuts,
  legal,
  legalWriteOffs,
  legalHandover,
  legalHandoverPackage,
  legalProceedings,
  insuranceClaims,
  factoring,
  procedure,
  procedureDiagram,
  procedureReports,
  procedureReportsMeasures,
};
