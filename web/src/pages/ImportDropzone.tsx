/** Where the file goes: drag and drop, click, or Enter/Space from the keyboard. */
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useI18n } from '../i18n.tsx';

// Extensions as well as types: browsers on Windows report a CSV as application/vnd.ms-excel.
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

function fileSize(totalBytes: number, lang: string): string {
  const units = ['o', 'Ko', 'Mo', 'Go'];
  const unitsEn = ['B', 'kB', 'MB', 'GB'];
  let value = totalBytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const label = (lang === 'en' ? unitsEn : units)[unit];
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(value)} ${label}`;
}

export function ImportDropzone(props: { file: File | null; disabled: boolean; onFile(file: File): void }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={4}>
      <Dropzone
        onDrop={(files) => files[0] && props.onFile(files[0])}
        multiple={false}
        accept={ACCEPT}
        disabled={props.disabled}
        role="button"
        aria-label={t('dropLabel')}
        aria-describedby="import-file-name"
        // The visible zone is the control; the hidden file input behind it would be a second one.
        inputProps={{ 'aria-hidden': true }}
        data-testid="import-dropzone"
        py="xl"
        opacity={props.disabled ? 0.5 : 1}
      >
        <Group justify="center" mih={90} style={{ pointerEvents: 'none' }}>
          <Stack gap={4} align="center">
            <Dropzone.Idle>
              <Text size="lg">{t('dropIdle')}</Text>
            </Dropzone.Idle>
            <Dropzone.Accept>
              <Text size="lg">{t('dropAccept')}</Text>
            </Dropzone.Accept>
            <Dropzone.Reject>
              <Text size="lg" c="red">
                {t('dropReject')}
              </Text>
            </Dropzone.Reject>
            <Text size="sm" c="dimmed">
              {t('dropFormats')}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      <Text id="import-file-name" size="sm" fw={props.file ? 600 : undefined} data-testid="import-file">
        {props.file
          ? t('selectedFile', { name: props.file.name, size: fileSize(props.file.size, lang) })
          : t('noFile')}
      </Text>
    </Stack>
  );
}
