/**
 * The note form of the customer file. Typing "@" offers the active colleagues of the directory
 * (a deactivated one is listed only to keep the name of their past actions); choosing one inserts
 * "@e-mail", which the API turns into a mention that colleague sees.
 */
import { Button, Group, Text, Textarea, UnstyledButton } from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { api, type Colleague } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { customerPaths } from './customer-requests.ts';

/** The "@…" being typed at the end of the text, if any. */
const pendingMention = (text: string) => /(?:^|\s)@([^\s@]*)$/.exec(text)?.[1];

/** A note's text with its @mentions highlighted. */
export function MentionText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(@[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/).map((part, index) =>
        part.startsWith('@') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text
          <span key={index} className="mention">
            {part}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function NoteForm({ code, onAdded }: { code: string; onAdded(): void }) {
  const { t } = useI18n();
  const directory = useApi<Colleague[]>(customerPaths.directory());
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = pendingMention(text);
  const suggestions =
    typed === undefined
      ? []
      : (directory.data ?? [])
          .filter((c) => c.active && `${c.name} ${c.email}`.toLowerCase().includes(typed.toLowerCase()))
          .slice(0, 6);
  const mention = (colleague: Colleague) =>
    setText(`${text.slice(0, text.length - (typed?.length ?? 0) - 1)}@${colleague.email} `);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/customers/${encodeURIComponent(code)}/notes`, { method: 'POST', body: { text } });
      setText('');
      onAdded();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Textarea
        label={t('notes')}
        description={t('mentionHint')}
        placeholder={t('notePlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        // Grows with its text by CSS (app.css), not by Mantine's autosize: that one measures the
        // textarea in a layout effect, which laid out the whole customer file once more on its first
        // render (a fifth of that render's time); a browser without field-sizing keeps two rows.
        classNames={{ input: 'grows-with-text' }}
        rows={2}
      />
      {suggestions.length > 0 && (
        <Group
          gap="xs"
          mt={4}
          role="group"
          aria-label={t('mentionSuggestions')}
          data-testid="mention-suggestions"
        >
          {suggestions.map((colleague) => (
            <UnstyledButton key={colleague.email} onClick={() => mention(colleague)} className="mention">
              <Text span size="sm">
                {colleague.name} &lt;{colleague.email}&gt;
              </Text>
            </UnstyledButton>
          ))}
        </Group>
      )}
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="xs" loading={busy} disabled={!text.trim()}>
          {t('addNote')}
        </Button>
      </Group>
    </form>
  );
}
