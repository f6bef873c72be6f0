/** Every job kind of Encours. A capability adds its definition here, one line. */

import { cashMatchJob } from '../cash/match-job.ts';
import { creditLimitRemindersJob } from '../credit/limit-reminders.ts';
import { creditRescoreChangedJob, creditRescoreJob } from '../credit/rescore-job.ts';
import { dunningRunJob } from '../dunning/dunning-job.ts';
import { forecastBacktestJob } from '../forecast/backtest-job.ts';
import { forecastSnapshotJob } from '../forecast/snapshot-job.ts';
import { watchBodaccJob } from '../legal/watch-bodacc-job.ts';
import { procedureReplayJob } from '../procedure/replay-job.ts';
import { JobRegistry } from './define-job.ts';
import { ledgerVerifyJob } from './ledger-verify.ts';

export const JOB_KINDS = new JobRegistry([
  ledgerVerifyJob,
  creditRescoreJob,
  dunningRunJob,
  creditRescoreChangedJob,
  creditLimitRemindersJob,
  cashMatchJob,
  forecastSnapshotJob,
  forecastBacktestJob,
  procedureReplayJob,
  watchBodaccJob,
]);
