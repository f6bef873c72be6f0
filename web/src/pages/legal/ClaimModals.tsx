/**
 * The two steps of a claim declaration on the collective-procedures page: preparing it (the
 * judgment's date — the one BODACC or the story's words give, apart from its publication's, to
 * correct from the judgment itself —, the BODACC publication when known, which makes the deadline
 * exact, the mandataire and whether the claim is secured; what the letter would lack is said), then recording it as declared on the day it was sent. The API checks the
 * dates and the role; its refusal is shown in the dialog.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ClaimResponse } from '../../../../src/http/schemas/legal-claims.ts';
import { api, problemText } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

interface Props {
  claim: ClaimResponse;
  onClose(): void;
  onDone(claim: ClaimResponse): void;
}

function useSubmit(onDone: (claim: ClaimResponse) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (path: string, body: object) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api<ClaimResponse>(path, { method: 'POST', body }));
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function MandataireFields(props: {
  name: string;
  address: string;
  onName(value: string): void;
  onAddress(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t('legal.proceedings.mandataireName')}
        value={props.name}
        onChange={(e) => props.onName(e.currentTarget.value)}
        maxLength={200}
      />
      <Textarea
        label={t('legal.proceedings.mandataireAddress')}
        value={props.address}
        onChange={(e) => props.onAddress(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={400}
      />
    </>
  );
}

/** What the letter will lack when the mandataire's name or address is not given. */
function MandataireMissing({ name, address }: { name: string; address: string }) {
  const { t } = useI18n();
  const missing = !name.trim() ? 'name' : !address.trim() ? 'address' : null;
  if (missing === null) return null;
  return (
    <Alert color="orange" data-testid="mandataire-missing">
      {t('legal.proceedings.mandataireMissing', { missing })}
    </Alert>
  );
}

export function PrepareClaimModal({ claim, onClose, onDone }: Props) {
  const { t, lang } = useI18n();
  const [judgmentDate, setJudgmentDate] = useState(claim.judgmentDate ?? '');
  const [publicationDate, setPublicationDate] = useState(claim.publicationDate ?? '');
  const [mandataire, setMandataire] = useState(claim.mandataire ?? '');
  const [address, setAddress] = useState(claim.mandataireAddress ?? '');
  const [secured, setSecured] = useState(claim.secured);
  const { error, busy, submit } = useSubmit(onDone);
  const send = () =>
    submit('/api/legal/claims', {
      customerCode: claim.customerCode,
      ...(judgmentDate ? { judgmentDate } : {}),
      publicationDate: publicationDate || null,
      secured,
      mandataire: mandataire.trim() || null,
      mandataireAddress: address.trim() || null,
    });
  return (
    <Modal opened onClose={onClose} title={`${t('legal.proceedings.prepare')} — ${claim.customerName}`}>
      <Stack data-testid="prepare-claim">
        <Text size="sm">
          {t('legal.proceedings.amount', {
            total: money(claim.totalMinor, claim.currency, lang),
            principal: money(claim.principalMinor, claim.currency, lang),
            interest: money(claim.interestMinor, claim.currency, lang),
            indemnity: money(claim.indemnityMinor, claim.currency, lang),
          })}
        </Text>
        {claim.source !== 'status' && (
          <Text size="xs" c="dimmed" data-testid="claim-prefilled">
            {t('legal.proceedings.prefilled', { source: claim.source })}
          </Text>
        )}
        <Text size="sm" data-testid="claim-court">
          {t('legal.proceedings.court', { court: claim.court ?? 'none' })}
        </Text>
        <DayDateInput
          label={t('legal.proceedings.judgmentDate')}
          value={judgmentDate}
          onChange={setJudgmentDate}
          required
        />
        <DayDateInput
          label={t('legal.proceedings.publicationDate')}
          value={publicationDate}
          onChange={setPublicationDate}
        />
        <MandataireFields name={mandataire} address={address} onName={setMandataire} onAddress={setAddress} />
        <MandataireMissing name={mandataire} address={address} />
        <Checkbox
          label={t('legal.proceedings.secured')}
          checked={secured}
          onChange={(e) => setSecured(e.currentTarget.checked)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button onClick={send} loading={busy} disabled={!judgmentDate}>
            {t('legal.proceedings.prepare')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeclareClaimModal({ claim, asOf, onClose, onDone }: Props & { asOf: string }) {
  const { t } = useI18n();
  const [declaredOn, setDeclaredOn] = useState(asOf);
  const [mandataire, setMandataire] = useState(claim.mandataire ?? '');
  const [address, setAddress] = useState(claim.mandataireAddress ?? '');
  const { error, busy, submit } = useSubmit(onDone);
  const send = () =>
    submit(`/api/legal/claims/${claim.claimId}/declaration`, {
      declaredOn,
      mandataire: mandataire.trim() || null,
      mandataireAddress: address.trim() || null,
    });
  return (
    <Modal opened onClose={onClose} title={`${t('legal.proceedings.declare')} — ${claim.customerName}`}>
      <Stack data-testid="declare-claim">
        <DayDateInput
          label={t('legal.proceedings.declaredOn')}
          value={declaredOn}
          onChange={setDeclaredOn}
          required
        />
        <MandataireFields name={mandataire} address={address} onName={setMandataire} onAddress={setAddress} />
        <MandataireMissing name={mandataire} address={address} />
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button onClick={send} loading={busy} disabled={!declaredOn}>
            {t('legal.proceedings.declare')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
