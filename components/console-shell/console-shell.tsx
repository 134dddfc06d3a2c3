"use client";
// The console's frame: a skip link, the header (sections, time zone, who is signed in, Sign out) and
// the page's <main>. Below the `sm` breakpoint the header keeps the name and a menu button; the
// sections, the zone, the account and Sign out move into the menu it opens. From `sm` to `xl` the
// header is compact: the sections as icons (below `lg`), the zone as a button that opens its switch,
// the account as its avatar (below `md`), the role badge left out.

import type { ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SessionProvider } from "next-auth/react";
import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Divider,
  Drawer,
  Group,
  MantineThemeProvider,
  Modal,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
  createTheme,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconShieldCheck } from "@tabler/icons-react";
import { TimeZoneButton, TimeZoneSwitch } from "@/components/time-zone-switch";
import type { ConsoleAccessRole } from "@/lib/auth/principal";
import { API_REFERENCE_PATH } from "@/lib/security/content-security-policy";
import { initials } from "@/components/user-initials";
import { ConsoleNav, ConsoleNavList } from "./console-nav";
import { SignOutButton } from "./sign-out-button";
import { SkipLink } from "./skip-link";
import classes from "./console-shell.module.css";

export interface ConsoleUser {
  username: string;
  displayName: string;
  role: ConsoleAccessRole;
  avatarUrl: string | null;
}

interface ConsoleShellProps {
  user: ConsoleUser;
  /** "Europe/Berlin" */
  timeZone: string;
  /** "CET (UTC+01:00)" */
  timeZoneLabel: string;
  /** the browser's zone, which `timeZone` is unless "Times in UTC" is on */
  browserZone: string;
  utcTimes: boolean;
  /** how often the browser renews its session cookie while the console is open, in seconds */
  sessionRefreshSeconds: number;
  /** what every page must show above its own content (the failed verification's banner) */
  banner?: ReactNode;
  children: ReactNode;
}

const ROLE_BADGES: Record<ConsoleAccessRole, { label: string; color: string }> = {
  ADMIN: { label: "Administrator", color: "indigo" },
  AUDITOR: { label: "Auditor", color: "teal" },
};

export const MAIN_ID = "main-content";
const MENU_ID = "console-menu";
const MODALS_ID = "console-modals";

// A modal's head is a <header>: in Mantine's default portal at the end of <body> it would be a second
// banner landmark beside the console's. Within the console, modals open in a box at the end of <main>.
// Their fixed frame sets no left edge, so there it would start at <main>'s padding: pinned to the screen's.
const CONSOLE_THEME = createTheme({
  components: {
    Modal: Modal.extend({ defaultProps: { portalProps: { target: `#${MODALS_ID}` } }, styles: { inner: { left: 0 } } }),
  },
});

/** `compact`: in the header, the names from `md` and the role's badge from `xl`; in the menu, all of it. */
function Account({ user, compact }: { user: ConsoleUser; compact: boolean }) {
  const badge = ROLE_BADGES[user.role];
  return (
    <Group gap="sm" wrap="nowrap" aria-label="Signed-in user" role="group">
      <Avatar src={user.avatarUrl} alt="" radius="xl" size={32} color="indigo" title={`${user.displayName} (${badge.label})`}>
        {initials(user.displayName)}
      </Avatar>
      <Box miw={0} visibleFrom={compact ? "md" : undefined}>
        <Text size="sm" fw={500} lh={1.2} truncate>
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} truncate>
          {user.username}
        </Text>
      </Box>
      <Badge variant="light" color={badge.color} visibleFrom={compact ? "xl" : undefined} style={{ flexShrink: 0 }}>
        {badge.label}
      </Badge>
    </Group>
  );
}

export function ConsoleShell({ user, timeZone, timeZoneLabel, browserZone, utcTimes, sessionRefreshSeconds, banner, children }: ConsoleShellProps) {
  const [menuOpen, menu] = useDisclosure(false);
  const zoneProps = { timeZone, timeZoneLabel, browserZone, utc: utcTimes };
  // The API reference's renderer brings its own <main> (Scalar's, which cannot be changed): a page
  // has one main landmark, so there the shell's is a plain box and that page names its own parts.
  const ownMain = usePathname() !== API_REFERENCE_PATH;
  return (
    <SessionProvider refetchInterval={sessionRefreshSeconds} refetchOnWindowFocus>
      <MantineThemeProvider theme={CONSOLE_THEME}>
        <SkipLink mainId={MAIN_ID} />
        <AppShell header={{ height: 60 }} padding={{ base: "sm", sm: "md" }}>
          <AppShell.Header px={{ base: "sm", sm: "md" }}>
            <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="lg" wrap="nowrap" miw={0}>
                <UnstyledButton component={Link} href="/audit/logins" aria-label="Audit Console, go to the Logins tab">
                  <Group gap="xs" wrap="nowrap">
                    <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
                      <IconShieldCheck size={20} stroke={1.6} />
                    </ThemeIcon>
                    <Text fw={700} size="lg" style={{ whiteSpace: "nowrap" }}>
                      Audit Console
                    </Text>
                  </Group>
                </UnstyledButton>
                <ConsoleNav role={user.role} />
              </Group>
              <Group gap="md" wrap="nowrap" visibleFrom="sm" miw={0}>
                <Box visibleFrom="xl">
                  <TimeZoneSwitch {...zoneProps} />
                </Box>
                <Box hiddenFrom="xl">
                  <TimeZoneButton {...zoneProps} />
                </Box>
                <Account user={user} compact />
                <SignOutButton size="xs" style={{ flexShrink: 0 }} />
              </Group>
              <Burger
                opened={menuOpen}
                onClick={menu.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={menuOpen ? "Close the menu" : "Open the menu"}
                aria-expanded={menuOpen}
                aria-controls={MENU_ID}
              />
            </Group>
          </AppShell.Header>
          {/* Composed so that its head is a plain box: a <header> outside <main> would be a second banner. */}
          <Drawer.Root id={MENU_ID} opened={menuOpen} onClose={menu.close} position="right" size="xs" withinPortal={false}>
            <Drawer.Overlay />
            <Drawer.Content>
              <Drawer.Header component="div">
                <Drawer.Title>Menu</Drawer.Title>
                <Drawer.CloseButton aria-label="Close the menu" />
              </Drawer.Header>
              <Drawer.Body>
                <Stack gap="md">
                  <Account user={user} compact={false} />
                  <TimeZoneSwitch {...zoneProps} />
                  <Divider />
                  <ConsoleNavList role={user.role} onNavigate={menu.close} />
                  <Divider />
                  <SignOutButton fullWidth />
                </Stack>
              </Drawer.Body>
            </Drawer.Content>
          </Drawer.Root>
          <AppShell.Main component={ownMain ? "main" : "div"} id={MAIN_ID} tabIndex={-1} bg="var(--mantine-color-gray-0)" className={classes.main}>
            {banner}
            {children}
            <div id={MODALS_ID} />
          </AppShell.Main>
        </AppShell>
      </MantineThemeProvider>
    </SessionProvider>
  );
}
