/**
 * The frame of every page: navigation, language switch, who is signed in. Below Mantine's `sm`
 * breakpoint (a phone) the navigation hides behind a burger and the header keeps only the
 * essentials, the person's details and the sign-out moving into a menu under their name.
 */
import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  ScrollArea,
  SegmentedControl,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useAuth } from './auth.tsx';
import { PageErrorBoundary } from './components/PageErrorBoundary.tsx';
import { type Lang, useI18n } from './i18n.tsx';
import { Nav } from './Nav.tsx';
import { ROLE_LABELS } from './strings/roles.ts';

export function Layout() {
  const { me } = useAuth();
  const { t } = useI18n();
  const theme = useMantineTheme();
  // Read at once (not after a first desktop render) so a phone never flashes the desktop header.
  const desktop = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  const location = useLocation();
  // The menu stays open only on the page where it was opened: following any link closes it.
  const [menuOpenedAt, setMenuOpenedAt] = useState<string | null>(null);
  const menuOpened = !desktop && menuOpenedAt === location.key;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding={desktop ? 'md' : 'sm'}
    >
      <Anchor href="#main" className="skip-link">
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        {desktop ? (
          <DesktopHeader />
        ) : (
          <PhoneHeader
            menuOpened={menuOpened}
            toggleMenu={() => setMenuOpenedAt(menuOpened ? null : location.key)}
          />
        )}
      </AppShell.Header>
      {/* Hidden off-screen on a phone: inert keeps its links out of the keyboard's way meanwhile. */}
      <AppShell.Navbar p="xs" id="app-navigation" inert={!desktop && !menuOpened}>
        {/* The menu has grown past a laptop screen's height: it scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea}>
          <Nav me={me} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <PageErrorBoundary key={location.pathname}>
          <Outlet />
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
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
  );
}

function DesktopHeader() {
  const { me, signOut } = useAuth();
  const { t, lang } = useI18n();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Title order={1} size="h3">
          {t('appName')}
        </Title>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        <Text size="sm" data-testid="signed-in-user">
          {me?.user.name}
        </Text>
        <Badge variant="light">{me ? ROLE_LABELS[lang][me.user.role] : ''}</Badge>
        <Button variant="subtle" size="xs" onClick={() => void signOut()}>
          {t('signOut')}
        </Button>
      </Group>
    </Group>
  );
}

function PhoneHeader({ menuOpened, toggleMenu }: { menuOpened: boolean; toggleMenu(): void }) {
  const { me, signOut } = useAuth();
  const { t, lang } = useI18n();
  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap">
        <Burger
          size="sm"
          opened={menuOpened}
          onClick={toggleMenu}
          aria-label={t('navigationMenu')}
          aria-expanded={menuOpened}
          aria-controls="app-navigation"
          data-testid="navigation-burger"
        />
        <Title order={1} size="h4">
          {t('appName')}
        </Title>
      </Group>
      <Group gap="xs" wrap="nowrap" miw={0}>
        <LanguageSwitch />
        <Menu position="bottom-end" width={220}>
          <Menu.Target>
            <Button variant="subtle" size="xs" px={6} miw={0} maw={120}>
              <Text size="sm" truncate data-testid="signed-in-user">
                {me?.user.name}
              </Text>
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{me?.user.name}</Menu.Label>
            <Group px="sm" pb="xs">
              <Badge variant="light">{me ? ROLE_LABELS[lang][me.user.role] : ''}</Badge>
            </Group>
            <Menu.Divider />
            <Menu.Item onClick={() => void signOut()}>{t('signOut')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
