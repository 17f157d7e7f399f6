// The organisation switcher in the header: shown only to a sign-in that holds a person in more than
// one organisation. A switch is remembered by the session on the server; every cached answer
// belonged to the other organisation, so the cache is reset and the app starts again at Home.
// In the header from the `sm` breakpoint; on a narrow screen at the top of the (burger) navigation.
import { Select, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export function OrganisationSwitcher(props: { currentName: string; place: "header" | "navbar" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
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
  const name = (hiddenFrom?: "sm") => (
    <Text c="dimmed" size="sm" visibleFrom="xs" hiddenFrom={hiddenFrom} data-testid="org-name">
      {props.currentName}
    </Text>
  );
  if (list.length < 2) return props.place === "navbar" ? null : name();
  const current = list.find((o) => o.current)?.id ?? null;
  const select = (
    <Select
      size="xs"
      {...(props.place === "header" ? { w: 200, visibleFrom: "sm" } : { hiddenFrom: "sm", mb: "xs" })}
      aria-label={t("shell:organisation")}
      data-testid={`org-switcher-${props.place}`}
      data={list.map((o) => ({ value: o.id, label: o.name }))}
      value={current}
      allowDeselect={false}
      disabled={switchTo.isPending}
      error={switchTo.error ? errorMessage(switchTo.error) : undefined}
      onChange={(orgId) => {
        if (orgId && orgId !== current) switchTo.mutate({ orgId });
      }}
    />
  );
  return props.place === "navbar" ? (
    select
  ) : (
    <>
      {name("sm")}
      {select}
    </>
  );
}
