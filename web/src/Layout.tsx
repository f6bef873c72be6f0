/** The frame of every page: navigation, language switch, who is signed in. */
import {
  Anchor,
  AppShell,
  Badge,
  Button,
  Group,
  ScrollArea,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { Outlet } from 'react-router';
import { useAuth } from './auth.tsx';
import { type Lang, useI18n } from './i18n.tsx';
import { Nav } from './Nav.tsx';
import { ROLE_LABELS } from './strings/roles.ts';

export function Layout() {
  const { me, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={1} size="h3">
              {t('appName')}
            </Title>
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
      <AppShell.Navbar p="xs">
        {/* The menu has grown past a laptop screen's height: it scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea}>
          <Nav me={me} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
