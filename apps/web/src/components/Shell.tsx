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
import { roleLabel } from "../lib/labels";
import type { Me } from "../lib/me";
import { errorCode, useTRPC } from "../lib/trpc";
import { ErrorState } from "./ErrorState";
import { NotificationBell } from "./NotificationBell";
import { OrganisationSwitcher } from "./OrganisationSwitcher";

interface NavItem {
  to: string;
  /** Its name is `shell:nav.<id>`. */
  id: string;
  /** Shown only to people holding one of these roles. */
  roles?: string[];
  /** Shown to admins only where the organisation lets admins read reports. */
  adminsReading?: boolean;
}

const nav: NavItem[] = [
  { to: "/", id: "home" },
  { to: "/inbox", id: "inbox" },
  { to: "/requests", id: "requests" },
  { to: "/reports", id: "reports" },
  { to: "/plans", id: "plans" },
  { to: "/support", id: "support" },
  { to: "/dashboards", id: "dashboards", roles: ["coach", "manager", "admin"] },
  { to: "/org", id: "org", roles: ["analyst"], adminsReading: true },
  { to: "/admin/cycles", id: "cycles", roles: ["admin"] },
  { to: "/admin/people", id: "people", roles: ["admin"] },
  { to: "/admin/teams", id: "teams", roles: ["admin"] },
  { to: "/admin/settings", id: "settings", roles: ["admin"] },
  { to: "/admin/instrument", id: "instrument", roles: ["admin"] },
  { to: "/admin/audit", id: "audit", roles: ["admin"] },
  { to: "/admin/mail", id: "mail", roles: ["admin"] },
  { to: "/mailbox", id: "mailbox", roles: ["admin"] },
  { to: "/profile", id: "profile" },
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
  const { t, i18n } = useTranslation();
  const language = me.data?.language;
  useEffect(() => {
    if (language) void switchLanguage(language);
  }, [language]);

  if (me.isPending || (language && i18n.language !== language)) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("common:loading")} />
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
      <AppShell.Navbar p="xs" aria-label={t("shell:nav.main")}>
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
              label={t(`shell:nav.${item.id}`)}
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
  const { t } = useTranslation();
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={onToggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t("shell:nav.toggle")}
          />
          <Title order={1} size="h3">
            {/* i18n-ignore: the product's name */}
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
                  {roleLabel(role)}
                </Badge>
              ))}
            </Group>
          </Stack>
          <NotificationBell />
          <Button variant="default" size="xs" onClick={onSignOut}>
            {t("shell:signOut")}
          </Button>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
