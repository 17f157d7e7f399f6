// Following up an open one-off request: remind the raters who have not answered (each by a mail of
// their own; nobody, the manager included, learns who they are) and move the deadline later. A
// cycle's requests are followed up by the cycle's admin.
import { addDays, isoDay } from "@fivefold/domain";
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { RequestView } from "./types";

export function FollowUpCard({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const current = r.deadline.slice(0, 10);
  const [day, setDay] = useState(addDays(current, 7));
  const remind = useMutation(trpc.requests.remind.mutationOptions());
  const extend = useMutation(
    trpc.requests.extend.mutationOptions({ onSuccess: () => invalidate.requestStateChanged(r.id) }),
  );
  const failure = remind.error ?? extend.error;
  return (
    <Card withBorder data-testid="follow-up">
      <Stack gap="sm">
        <Text fw={600}>{t("requests:followUp.title")}</Text>
        <Text size="sm" c="dimmed">
          {t("requests:followUp.body")}
        </Text>
        <Group>
          <Button
            variant="light"
            loading={remind.isPending}
            onClick={() => remind.mutate({ requestId: r.id })}
          >
            {t("requests:followUp.remind")}
          </Button>
        </Group>
        {remind.isSuccess ? (
          <Text size="sm" role="status">
            {t("requests:followUp.reminded")}
          </Text>
        ) : null}
        <Group align="flex-end">
          <TextInput
            label={t("requests:followUp.newDeadline")}
            type="date"
            min={addDays(current, 1)}
            max={addDays(isoDay(new Date()), 365)}
            value={day}
            onChange={(event) => setDay(event.currentTarget.value)}
          />
          <Button
            variant="default"
            loading={extend.isPending}
            disabled={!day || day <= current}
            onClick={() => extend.mutate({ requestId: r.id, deadline: day })}
          >
            {t("requests:followUp.extend")}
          </Button>
        </Group>
        {extend.isSuccess ? (
          <Text size="sm" role="status">
            {t("requests:followUp.extended", { deadline: formatDay(extend.data.deadline) })}
          </Text>
        ) : null}
        {failure ? (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

/** When the manager still has their own rating to give on this request. */
export function OwnRatingMissing({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const inbox = useQuery(trpc.inbox.list.queryOptions());
  const mine = inbox.data?.find((i) => i.requestId === requestId && i.state === "pending");
  if (!mine) return null;
  return (
    <Alert color="yellow" title={t("requests:followUp.ownMissing")} data-testid="own-rating-missing">
      <Stack gap={4}>
        <Text size="sm">
          {mine.group === "manager"
            ? t("requests:followUp.ownMissingManager")
            : t("requests:followUp.ownMissingRater")}
        </Text>
        <Anchor component={Link} to={`/feedback/${mine.invitationId}`} size="sm">
          {t("requests:followUp.giveRating")}
        </Anchor>
      </Stack>
    </Alert>
  );
}
