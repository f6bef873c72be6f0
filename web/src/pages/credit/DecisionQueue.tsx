/**
 * A queue of items waiting for a decision (held orders, limit requests): each row shows its own
 * cells, then a comment and the two decisions; deciding posts the comment, says so and reloads.
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { problemText } from '../../api.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

export interface QueueColumn<Item> {
  header: string;
  /** Amounts read best aligned on the right. */
  alignRight?: boolean;
  cell(item: Item): ReactNode;
}

export interface DecisionQueueProps<Item> {
  /** The API path that lists the queue (`{ items }`). */
  path: string;
  title: string;
  /** Beside the title: what the page offers besides deciding (a new request…). */
  actions?: ReactNode;
  intro: string;
  empty: string;
  /** The favourable decision's label (release, approve); the other one is always « refuse ». */
  acceptLabel: string;
  columns: QueueColumn<Item>[];
  keyOf(item: Item): string | number;
  /** Posts one decision on one item, with the comment typed on its row. */
  decide(item: Item, accept: boolean, comment: string): Promise<unknown>;
  /**
   * Whether the signed-in role may decide at all (the API's approvers). A salesperson sees the queue
   * of their own requests and orders, without buttons the API would refuse.
   */
  canDecide: boolean;
  /**
   * Why the signed-in person may not decide this item although their role decides others (the role
   * it needs), or null when they may: its buttons are disabled with that reason beside them.
   */
  refusedReason?(item: Item): string | null;
}

export function DecisionQueue<Item>(props: DecisionQueueProps<Item>) {
  const { t } = useI18n();
  const queue = useApi<{ items: Item[] }>(props.path);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (item: Item, accept: boolean) => {
    try {
      await props.decide(item, accept, comments[props.keyOf(item)] ?? '');
      setMessage({ ok: true, text: t('credit.web.done') });
      queue.reload();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  const items = queue.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{props.title}</Title>
        {props.actions}
      </Group>
      <Text c="dimmed">{props.intro}</Text>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {items.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        // A phone scrolls the queue sideways in its box, not the whole page.
        <HorizontalScroll minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((column) => (
                  <Table.Th key={column.header} ta={column.alignRight ? 'right' : undefined}>
                    {column.header}
                  </Table.Th>
                ))}
                {props.canDecide && <Table.Th>{t('credit.web.comment')}</Table.Th>}
                {props.canDecide && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const key = props.keyOf(item);
                const refused = props.refusedReason?.(item) ?? null;
                return (
                  <Table.Tr key={key}>
                    {props.columns.map((column) => (
                      <Table.Td key={column.header} ta={column.alignRight ? 'right' : undefined}>
                        {column.cell(item)}
                      </Table.Td>
                    ))}
                    {props.canDecide && (
                      <Table.Td>
                        <TextInput
                          aria-label={t('credit.web.comment')}
                          disabled={refused !== null}
                          value={comments[key] ?? ''}
                          onChange={(event) => setComments({ ...comments, [key]: event.currentTarget.value })}
                        />
                      </Table.Td>
                    )}
                    {props.canDecide && (
                      <Table.Td>
                        <DecisionButtons
                          acceptLabel={props.acceptLabel}
                          refused={refused}
                          onDecide={(accept) => act(item, accept)}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
    </Stack>
  );
}

/** The two decisions; disabled, with the reason written under them, for a person who may not decide. */
function DecisionButtons(props: {
  acceptLabel: string;
  refused: string | null;
  onDecide(accept: boolean): void;
}) {
  const { t } = useI18n();
  const disabled = props.refused !== null;
  return (
    <Stack gap={4} title={props.refused ?? undefined}>
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" disabled={disabled} onClick={() => props.onDecide(true)}>
          {props.acceptLabel}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={disabled}
          onClick={() => props.onDecide(false)}
        >
          {t('credit.web.refuse')}
        </Button>
      </Group>
      {props.refused !== null && (
        <Text size="xs" c="dimmed" maw={200} data-testid="decision-refused">
          {props.refused}
        </Text>
      )}
    </Stack>
  );
}
