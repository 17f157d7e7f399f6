// The bell in the shell (issue 18): what needs me now (an invitation to answer, nominations to
// approve, a partner request, a check-in due, a report released). Opening an entry marks it read;
// entries leave by themselves once done. Never who answered: the server only knows what is mine.
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useTRPC } from "../lib/trpc";

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const { t } = useTranslation();
  const list = useQuery({ ...trpc.notifications.list.queryOptions(), refetchInterval: 60_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.list.queryFilter()),
    }),
  );
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const label = unread === 0 ? t("shell:bell.nothingNew") : t("shell:bell.new", { count: unread });

  const open = (key: string, href: string) => {
    setOpened(false);
    markRead.mutate({ keys: [key] });
    navigate(href);
  };

  return (
    // The count sits outside the popover's target: the target takes the button's ARIA attributes.
    <Indicator disabled={unread === 0} label={unread} size={16} color="red" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withArrow>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label={t("shell:bell.title")} role="dialog">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t("shell:bell.heading")}
              </Text>
              {unread > 0 ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => markRead.mutate({ keys: items.filter((n) => !n.read).map((n) => n.key) })}
                >
                  {t("shell:bell.markAllRead")}
                </Button>
              ) : null}
            </Group>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("shell:bell.empty")}
              </Text>
            ) : (
              <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {items.map((n) => (
                  <li key={n.key} data-testid="notification" data-read={n.read}>
                    <UnstyledButton onClick={() => open(n.key, n.href)} w="100%" p={4}>
                      <Text size="sm" fw={n.read ? 400 : 600}>
                        {n.read ? null : <VisuallyHidden>{t("shell:bell.newItem")}</VisuallyHidden>}
                        {t(`shell:bell.says.${n.message.code}`, {
                          name: n.message.name,
                          count: n.message.count,
                        })}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
