// The app shell: who you are, your organisation and roles, navigation, and the page.
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, NavLink as RouterLink, useLocation, useNavigate } from "react-router";
import { switchLanguage } from "../i18n";
import { authClient } from "../lib/auth-client";
import type { Me } from "../lib/me";
import { errorCode, useTRPC } from "../lib/trpc";
import { ErrorState } from "./ErrorState";
import { NotificationBell } from "./NotificationBell";
import { OrganisationSwitcher } from "./OrganisationSwitcher";

interface NavItem {
  to: string;
  label: string;
  /** Shown only to people holding one of these roles. */
  roles?: string[];
  /** Shown to admins only where the organisation lets admins read reports. */
  adminsReading?: boolean;
}

const nav: NavItem[] = [
  { to: "/", label: "Home" },
  { to: "/inbox", label: "Inbox" },
  { to: "/requests", label: "Feedback requests" },
  { to: "/reports", label: "Reports" },
  { to: "/plans", label: "My plan" },
  { to: "/support", label: "Plans I support" },
  { to: "/dashboards", label: "Team dashboards", roles: ["coach", "manager", "admin"] },
  { to: "/org", label: "Organisation view", roles: ["analyst"], adminsReading: true },
  { to: "/admin/cycles", label: "Cycles", roles: ["admin"] },
  { to: "/admin/people", label: "People", roles: ["admin"] },
  { to: "/admin/teams", label: "Teams", roles: ["admin"] },
  { to: "/admin/settings", label: "Settings", roles: ["admin"] },
  { to: "/admin/instrument", label: "Instrument", roles: ["admin"] },
  { to: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { to: "/admin/mail", label: "E-mail delivery", roles: ["admin"] },
  { to: "/mailbox", label: "Mailbox", roles: ["admin"] },
  { to: "/profile", label: "Profile" },
];

export function Shell() {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), enabled: isAdmin });
  const adminsRead = isAdmin && settings.data?.adminsReadReports === true;
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    close();
  }, [location.pathname, close]);

  // Signed in, the page speaks the person's language (their choice, or the organisation's).
  const { i18n } = useTranslation();
  const language = me.data?.language;
  useEffect(() => {
    if (language) void switchLanguage(language);
  }, [language]);

  if (me.isPending || (language && i18n.language !== language)) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    if (errorCode(me.error) === "UNAUTHORIZED") {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/sign-in?next=${next}`} replace />;
    }
    return <ErrorState error={me.error} />;
  }

  const signOut = async () => {
    await authClient.signOut();
    queryClient.clear();
    navigate("/sign-in", { replace: true });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <ShellHeader me={me.data} opened={opened} onToggle={toggle} onSignOut={signOut} />
      <AppShell.Navbar p="xs" aria-label="Main">
        <OrganisationSwitcher currentName={me.data.org.name} place="navbar" />
        {nav
          .filter(
            (item) =>
              !item.roles ||
              item.roles.some((role) => me.data.roles.includes(role as never)) ||
              (item.adminsReading && adminsRead),
          )
          .map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              end={item.to === "/"}
              label={item.label}
              active={item.to === "/" ? location.pathname === "/" : location.pathname.startsWith(item.to)}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet context={me.data} />
      </AppShell.Main>
    </AppShell>
  );
}

function ShellHeader(props: { me: Me; opened: boolean; onToggle: () => void; onSignOut: () => void }) {
  const { me, opened, onToggle, onSignOut } = props;
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={onToggle}
            hiddenFrom="sm"
            size="sm"
            aria-label="Toggle navigation"
          />
          <Title order={1} size="h3">
            Fivefold
          </Title>
          <OrganisationSwitcher currentName={me.org.name} place="header" />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Stack gap={0} align="flex-end" visibleFrom="sm">
            <Text size="sm" fw={600} data-testid="person-name">
              {me.person.name}
            </Text>
            <Group gap={4} data-testid="roles">
              {me.roles.map((role) => (
                <Badge key={role} size="xs" variant="light">
                  {role}
                </Badge>
              ))}
            </Group>
          </Stack>
          <NotificationBell />
          <Button variant="default" size="xs" onClick={onSignOut}>
            Sign out
          </Button>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
