// The organisation switcher in the header: shown only to a sign-in that holds a person in more than
// one organisation. A switch is remembered by the session on the server; every cached answer
// belonged to the other organisation, so the cache is reset and the app starts again at Home.
import { Select, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTRPC } from "../lib/trpc";

export function OrganisationSwitcher(props: { currentName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organisations = useQuery(trpc.me.organisations.queryOptions());
  const switchTo = useMutation(
    trpc.me.switchOrganisation.mutationOptions({
      onSuccess: async () => {
        navigate("/", { replace: true });
        await queryClient.resetQueries();
      },
    }),
  );
  const list = organisations.data ?? [];
  if (list.length < 2) {
    return (
      <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="org-name">
        {props.currentName}
      </Text>
    );
  }
  const current = list.find((o) => o.current)?.id ?? null;
  return (
    <Select
      size="xs"
      w={200}
      aria-label="Organisation"
      data-testid="org-switcher"
      data={list.map((o) => ({ value: o.id, label: o.name }))}
      value={current}
      allowDeselect={false}
      disabled={switchTo.isPending}
      error={switchTo.error?.message}
      onChange={(orgId) => {
        if (orgId && orgId !== current) switchTo.mutate({ orgId });
      }}
    />
  );
}
