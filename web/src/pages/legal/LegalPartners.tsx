/**
 * The partners of the legal files page (lawyers and collection agencies, their kind as the
 * catalogue labels it, their terms and address) and what the page says before any file exists: what
 * a file is and that a partner is registered first, with a button to the partner form.
 */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export interface Partner {
  partnerId: number;
  name: string;
  kind: string;
  addressLines?: string[];
  amicableCommissionBps: number;
  judicialCommissionBps: number;
  fileFeeMinor: number;
  judicialFeeMinor: number;
  currency: string;
}

export const PARTNER_FORM_ID = 'legal-partner-form';

/** No file yet: what a file is, and the partner it needs first (the button goes to its form). */
export function NoFiles({ partners }: { partners: number }) {
  const { t } = useI18n();
  const toForm = () => {
    const form = document.getElementById(PARTNER_FORM_ID);
    form?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    form?.querySelector('input')?.focus({ preventScroll: true });
  };
  return (
    <Alert color="blue" variant="light" data-testid="legal-files-empty" maw={900}>
      <Stack gap="xs">
        <Text size="sm">{t('legalFile.web.noFiles')}</Text>
        <Text size="sm">{t('legalFile.web.noFilesNext', { partners })}</Text>
        {partners === 0 && (
          <Group>
            <Button size="xs" variant="light" onClick={toForm}>
              {t('legalFile.web.toPartnerForm')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The partners with their kind (the catalogue's label), terms and address. */
export function PartnersTable({ partners }: { partners: Partner[] }) {
  const { t, lang, label } = useI18n();
  if (partners.length === 0) return <Text size="sm">{t('legalFile.web.noPartner')}</Text>;
  return (
    <Table fz="sm" data-testid="legal-partners">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('legalFile.web.partnerName')}</Table.Th>
          <Table.Th>{t('legalFile.web.colKind')}</Table.Th>
          <Table.Th>{t('legalFile.web.colTerms')}</Table.Th>
          <Table.Th>{t('legalFile.web.colAddress')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners.map((p) => (
          <Table.Tr key={p.partnerId}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{label('legalPartnerKind', p.kind)}</Table.Td>
            <Table.Td>
              {t('legalFile.web.terms', {
                amicable: percentBps(p.amicableCommissionBps, lang),
                judicial: percentBps(p.judicialCommissionBps, lang),
                fileFee: money(p.fileFeeMinor, p.currency, lang),
                judicialFee: money(p.judicialFeeMinor, p.currency, lang),
              })}
            </Table.Td>
            <Table.Td>{(p.addressLines ?? []).join(', ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
