/** The frame of every page: navigation, language switch, who is signed in. */
import { Anchor, AppShell, Badge, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { canImport, useAuth } from './auth.tsx';
import { type Lang, useI18n } from './i18n.tsx';

const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  fr: {
    admin: 'Administrateur',
    credit_manager: 'Credit manager',
    collector: 'Recouvrement',
    salesperson: 'Commercial',
    director: 'Direction',
  },
  en: {
    admin: 'Administrator',
    credit_manager: 'Credit manager',
    collector: 'Collector',
    salesperson: 'Salesperson',
    director: 'Director',
  },
};

export function Layout() {
  const { me, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={1} size="h3">
              {t('appName')}
            </Title>
            <nav aria-label="Navigation">
              <Group gap="md" wrap="nowrap">
                <Anchor component={NavLink} to="/" end>
                  {t('dashboard')}
                </Anchor>
                <Anchor component={NavLink} to="/customers">
                  {t('customers')}
                </Anchor>
                {canImport(me) && (
                  <Anchor component={NavLink} to="/imports">
                    {t('imports')}
                  </Anchor>
                )}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={lang}
              onChange={(value) => setLang(value as Lang)}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Text size="sm" data-testid="signed-in-user">
              {me?.user.name}
            </Text>
            <Badge variant="light">{me ? ROLE_LABELS[lang][me.user.role] : ''}</Badge>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
