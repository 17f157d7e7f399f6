// One feedback request: progress (counts only), the manager's own rating if missing, following up
// (remind, extend), nominations to approve, proposing raters, open and close.
import { Alert, Card, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { GroupProgress } from "../components/GroupProgress";
import { PageLoader } from "../components/PageLoader";
import { FollowUpCard, OwnRatingMissing } from "../components/request/FollowUpCard";
import { NominationsCard } from "../components/request/NominationsCard";
import { RequestControls } from "../components/request/RequestControls";
import { RaterWarnings, RequestHeader, RequestOutcome } from "../components/request/RequestStatus";
import type { RaterWarning } from "../components/request/types";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

/** The request's mutations: a change of state refreshes what it shows in; a nomination, the request. */
function useRequestMutations(requestId: string) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const changed = { onSuccess: () => invalidate.requestStateChanged(requestId) };
  const nominated = { onSuccess: () => invalidate.nominationsChanged(requestId) };
  return {
    open: useMutation(trpc.requests.open.mutationOptions(changed)),
    close: useMutation(trpc.requests.close.mutationOptions(changed)),
    cancel: useMutation(trpc.requests.cancel.mutationOptions(changed)),
    decide: useMutation(trpc.nominations.decide.mutationOptions(nominated)),
    vouch: useMutation(trpc.requests.approveExternal.mutationOptions(nominated)),
  };
}

export default function RequestPage() {
  const { requestId = "" } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const trpc = useTRPC();
  const request = useQuery(trpc.requests.get.queryOptions({ requestId }));
  const manages = request.data?.role === "manager";
  const progress = useQuery({
    ...trpc.requests.progress.queryOptions({ requestId }),
    enabled: manages && request.data?.state !== "draft",
    refetchInterval: 15_000,
  });
  const { open, close, cancel, decide, vouch } = useRequestMutations(requestId);

  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorState error={request.error} />;
  const r = request.data;
  const editable = r.state === "draft" || r.state === "open";
  const failure = open.error ?? close.error ?? cancel.error ?? decide.error ?? vouch.error;
  const warnings: RaterWarning[] =
    vouch.data?.warnings ??
    open.data?.warnings ??
    (location.state as { warnings?: RaterWarning[] } | null)?.warnings ??
    [];

  return (
    <Stack maw={960}>
      <RequestHeader request={r} />
      {failure ? (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      ) : null}
      {manages ? <RaterWarnings warnings={warnings} /> : null}
      <RequestOutcome request={r} />
      {manages && r.state === "open" ? <OwnRatingMissing requestId={r.id} /> : null}
      {manages && progress.data ? (
        <Card withBorder>
          <Stack>
            <Text fw={600}>{t("requests:request.responses")}</Text>
            <GroupProgress groups={progress.data.groups} />
            <Text size="xs" c="dimmed">
              {t("requests:request.countsOnly")}
            </Text>
          </Stack>
        </Card>
      ) : null}
      {manages && r.state === "open" && !r.cycleId ? <FollowUpCard request={r} /> : null}
      {manages && editable ? (
        <RequestControls
          request={r}
          pending={{ open: open.isPending, close: close.isPending, cancel: cancel.isPending }}
          onOpen={() => open.mutate({ requestId })}
          onClose={(done) => close.mutate({ requestId }, { onSuccess: done })}
          onCancel={(done) => cancel.mutate({ requestId }, { onSuccess: done })}
        />
      ) : null}
      <NominationsCard
        request={r}
        actions={{
          decides: manages && editable,
          mayVouch: me.roles.includes("admin") && r.state === "draft",
          vouching: vouch.isPending,
          decide: (nominationId, approve) => decide.mutate({ nominationId, approve }),
          vouch: (email) => vouch.mutate({ requestId, email }),
        }}
      />
    </Stack>
  );
}
