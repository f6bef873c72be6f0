/**
 * The documents attached to one dispute (proof of delivery, photos, the complaint letter): listed
 * with a download link, a file sent as multipart with its kind, and one removed while the dispute
 * is open.
 */
import { Anchor, Button, FileInput, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api, csrfToken } from '../../api.ts';
import { dateTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

const KINDS = ['proof_of_delivery', 'photo', 'complaint_letter', 'other'];

export interface DisputeAttachment {
  attachmentId: number;
  disputeId: number;
  documentRef: string;
  fileName: string;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  attachedBy: string;
  attachedAt: string;
}

/** Posts the kind first, then the file, as the upload route reads them. */
async function upload(disputeId: number, kind: string, file: File, lang: string): Promise<void> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  const token = csrfToken();
  const response = await fetch(`/api/dunning/disputes/${disputeId}/attachments?lang=${lang}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: form,
  });
  if (response.ok) return;
  const problem = (await response.json().catch(() => null)) as { code?: string; detail?: string } | null;
  throw new ApiError(response.status, problem?.code ?? 'error', problem?.detail ?? response.statusText);
}

export function DisputeAttachments({
  disputeId,
  open,
  onChange,
}: {
  disputeId: number;
  /** An open dispute's documents may be removed; a resolved one keeps its evidence. */
  open: boolean;
  onChange(): void;
}) {
  const { t, lang } = useI18n();
  const list = useApi<DisputeAttachment[]>(`/api/dunning/disputes/${disputeId}/attachments`);
  const [kind, setKind] = useState(KINDS[0] ?? 'other');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!file) return;
    try {
      await upload(disputeId, kind, file, lang);
      setFile(null);
      setError(null);
      list.reload();
      onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  // The attachment whose removal waits for a second click.
  const [confirming, setConfirming] = useState<number | null>(null);
  const detach = async (attachment: DisputeAttachment) => {
    setConfirming(null);
    try {
      await api(`/api/dunning/dispute-attachments/${attachment.attachmentId}?lang=${lang}`, {
        method: 'DELETE',
      });
      setError(null);
      list.reload();
      onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Stack gap={4} data-testid={`dispute-attachments-${disputeId}`}>
      {list.data?.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('disputes.page.noAttachment')}
        </Text>
      )}
      {list.data?.map((a) => (
        <Text size="xs" key={a.attachmentId}>
          <Anchor href={`/api/dunning/dispute-attachments/${a.attachmentId}`} download={a.fileName}>
            {a.fileName}
          </Anchor>{' '}
          · {t(`disputes.attachmentKind.${a.kind}`)} · {dateTime(a.attachedAt, lang)}
          {open && confirming !== a.attachmentId && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              ml={4}
              onClick={() => setConfirming(a.attachmentId)}
            >
              {t('disputes.page.detach')}
            </Button>
          )}
          {open && confirming === a.attachmentId && (
            <>
              {' '}
              {t('disputes.page.detachConfirm', { file: a.fileName })}
              <Button size="compact-xs" color="red" ml={4} onClick={() => detach(a)}>
                {t('disputes.page.detach')}
              </Button>
              <Button size="compact-xs" variant="subtle" ml={4} onClick={() => setConfirming(null)}>
                {t('disputes.page.cancel')}
              </Button>
            </>
          )}
        </Text>
      ))}
      <Group gap={4} align="end">
        <NativeSelect
          size="xs"
          aria-label={t('disputes.page.attachKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={KINDS.map((value) => ({ value, label: t(`disputes.attachmentKind.${value}`) }))}
        />
        <FileInput
          size="xs"
          aria-label={t('disputes.page.file')}
          placeholder={t('disputes.page.file')}
          accept="application/pdf,image/png,image/jpeg,image/webp"
          value={file}
          onChange={setFile}
        />
        <Button size="compact-xs" disabled={!file} onClick={send}>
          {t('disputes.page.attach')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
