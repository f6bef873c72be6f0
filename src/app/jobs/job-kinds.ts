/** Every job kind of Encours. A capability adds its definition here, one line. */

import { creditRescoreJob } from '../credit/rescore-job.ts';
import { dunningRunJob } from '../dunning/dunning-job.ts';
import { JobRegistry } from './define-job.ts';
import { ledgerVerifyJob } from './ledger-verify.ts';

export const JOB_KINDS = new JobRegistry([ledgerVerifyJob, creditRescoreJob, dunningRunJob]);
