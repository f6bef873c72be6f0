/**
 * A dispute waiting, as the agenda names it (the terminal's line and the page's badge): « Litige
 * importé F1 (Livraison, Logistique) », its reason and the department it went to, said once when
 * they are the same word (« Litige F2 (Qualité) », not « (Qualité, Qualité) »).
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Label = (domain: string, code: string) => string;

export function agendaDisputeName(
  t: Translate,
  label: Label,
  dispute: { source: string; documentRef: string; reason: string; department: string },
): string {
  const reason = label('dunningDisputeReason', dispute.reason);
  const department = label('dunningDepartment', dispute.department);
  return t('agenda.dispute', {
    source: dispute.source,
    invoice: dispute.documentRef,
    reason,
    department,
    sameWord: reason.toLocaleLowerCase() === department.toLocaleLowerCase() ? 'yes' : 'no',
  });
}
