/**
 * What a formal notice may say of the steps before it (`reminded_before`, `notice_before`), read
 * from the planned action's items and the policy's steps: a courtesy e-mail is no reminder, and an
 * invoice never reminded that joins the account's notice recalls that notice instead.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedItem } from '#core/dunning/planner';
import { EXAMPLE_STEPS } from '#core/dunning/policy';
import { senderNamed } from '#render/letters';
import { letterItems, templateVariables } from './action-variables.ts';
import { sampleActionContext } from './template-sample.ts';

const SENDER = senderNamed('Dupont SAS');

/** The sample notice's variables, its one item changed as given (levels of the example policy). */
function opening(lang: 'fr' | 'en', item: Partial<PlannedItem>) {
  const context = sampleActionContext({
    stepKind: 'formal_notice',
    channel: 'letter',
    lang,
    templateCode: 'formal_notice',
    asOf: '2026-06-30',
    rates: [],
    sender: SENDER,
  });
  const action = { ...context.action, items: context.action.items.map((i) => ({ ...i, ...item })) };
  const variables = templateVariables(
    { ...context, action, policySteps: EXAMPLE_STEPS },
    letterItems({ ...context, action }),
  );
  // Dates are worded with no-break spaces: read here with plain ones.
  return [variables['reminded_before'], String(variables['notice_before']).replace(/\u00a0/g, ' ')];
}

/** Whether the sample notice's invoices, due on `dueDate`, are said to have come due since the account's notice. */
function dueSinceNotice(dueDate: string, noticeDate: string | null, fromLevel = 0) {
  const context = sampleActionContext({
    stepKind: 'formal_notice',
    channel: 'letter',
    lang: 'fr',
    templateCode: 'formal_notice',
    asOf: '2026-06-30',
    rates: [],
    sender: SENDER,
  });
  const raisedBy = { kind: 'account_notice' as const, noticeDate };
  const items = context.action.items.map((i) => ({ ...i, dueDate, fromLevel, raisedBy }));
  const action = { ...context.action, items };
  return templateVariables(
    { ...context, action, policySteps: EXAMPLE_STEPS },
    letterItems({ ...context, action }),
  )['due_since_notice'];
}

describe('the opening facts of a formal notice', () => {
  it('says the invoice was reminded only after a step past its due date, not a courtesy e-mail', () => {
    expect(opening('fr', { fromLevel: 0 })).toEqual([false, '']);
    expect(opening('fr', { fromLevel: 1 })).toEqual([false, '']); // the courtesy of D−5 only
    expect(opening('fr', { fromLevel: 4 })).toEqual([true, '']);
  });

  it('gives the date of the account’s notice an invoice never reminded joined, in the reader’s words', () => {
    const joined = { fromLevel: 0, raisedBy: { kind: 'account_notice' as const, noticeDate: '2026-06-05' } };
    expect(opening('fr', joined)).toEqual([false, '5 juin 2026']);
    expect(opening('en', joined)).toEqual([false, '5 June 2026']);
    // The first notice of the account, sent today: nothing earlier to recall.
    expect(opening('fr', { fromLevel: 0, raisedBy: { kind: 'account_notice', noticeDate: null } })).toEqual([
      false,
      '',
    ]);
  });

  it('tells invoices that fell due after the account’s earlier notice from those it could have covered', () => {
    // The run of 30/06: invoices due 21 and 25 June joined the notice of 5 June.
    expect(dueSinceNotice('2026-06-21', '2026-06-05')).toBe(true);
    expect(dueSinceNotice('2026-06-05', '2026-06-05')).toBe(false);
    expect(dueSinceNotice('2026-05-30', '2026-06-05')).toBe(false);
    expect(dueSinceNotice('2026-06-21', null)).toBe(false);
    expect(dueSinceNotice('2026-06-21', '2026-06-05', 4)).toBe(false); // reminded: the reminders come first
  });
});
