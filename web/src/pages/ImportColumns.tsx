/**
 * The columns of a file Encours did not know what to do with (an ERP's « Remarque », a header that
 * names no field, two columns for one field): for each, the field it holds or « ignore », or all
 * of them ignored at once; the choices go with the next check and with the import.
 */
import { Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { ENTITY_FIELDS, type ImportEntity } from '../../../src/importers/entities.ts';
import { useI18n } from '../i18n.tsx';
import type { ColumnChoices, ImportRejected } from '../upload.ts';

/** The problems a choice of columns settles. */
const COLUMN_PROBLEMS = new Set([
  'unknown_column',
  'unknown_column_no_match',
  'ambiguous_columns',
  'map_unknown_column',
  'map_field_twice',
]);
/** Problems that a column of the file no field takes may settle (read as the missing field). */
const FIELD_PROBLEMS = new Set(['missing_required_column', 'map_unknown_field']);

/** The columns to offer a choice for, from a rejected file; none when its problems are not about columns. */
export function columnsToChoose(rejected: ImportRejected): string[] {
  const problems: readonly { code?: string | undefined; column: string | null }[] =
    rejected.groups.length > 0 ? rejected.groups : rejected.rows;
  const named = problems.flatMap((problem) =>
    COLUMN_PROBLEMS.has(problem.code ?? '') && problem.column !== null ? [problem.column] : [],
  );
  const lacksField = problems.some((problem) => FIELD_PROBLEMS.has(problem.code ?? ''));
  return [...new Set([...named, ...(lacksField ? rejected.unmappedColumns : [])])];
}

/**
 * A field's header as the picker shows it. The importer keeps headers as files spell them
 * (« Complément d'adresse », « Email ») to recognise them; the picker is read as labels, so it
 * writes the typographic apostrophe and « E-mail » like every other label.
 */
function headerLabel(header: string): string {
  return header.replace(/\b([Ee])-?mail\b/g, '$1-mail').replace(/'/g, '’');
}

export function ImportColumns(props: {
  entity: ImportEntity;
  columns: readonly string[];
  choices: ColumnChoices;
  disabled: boolean;
  onChange(choices: ColumnChoices): void;
  onCheck(): void;
}) {
  const { t } = useI18n();
  const { choices, onChange } = props;
  const fields = ENTITY_FIELDS[props.entity].map((spec) => ({
    value: spec.name,
    // The field by its usual header, as the file's columns are named.
    label: headerLabel(spec.headers[0] ?? spec.name),
  }));
  const options = [{ value: 'ignore', label: t('columnIgnore') }, ...fields];
  const choose = (column: string, value: string | null) => {
    const { [column]: _previous, ...others } = choices.map;
    onChange({ ...choices, map: value === null ? others : { ...others, [column]: value } });
  };
  return (
    <Card withBorder data-testid="import-columns">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('columnsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('columnsIntro')}
          </Text>
        </div>
        <Checkbox
          label={t('ignoreUnknown')}
          checked={choices.ignoreUnknown}
          disabled={props.disabled}
          onChange={(event) => onChange({ ...choices, ignoreUnknown: event.currentTarget.checked })}
        />
        <Group align="flex-end">
          {props.columns.map((column) => (
            <Select
              key={column}
              label={t('columnChoice', { column })}
              placeholder={t('columnUndecided')}
              data={options}
              value={choices.map[column] ?? null}
              onChange={(value) => choose(column, value)}
              clearable
              searchable
              disabled={props.disabled}
              w={260}
            />
          ))}
        </Group>
        <Group>
          <Button variant="light" disabled={props.disabled} onClick={props.onCheck}>
            {t('checkAgain')}
          </Button>
          <Button
            variant="subtle"
            disabled={props.disabled}
            onClick={() => onChange({ ignoreUnknown: false, map: {} })}
          >
            {t('resetColumns')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
