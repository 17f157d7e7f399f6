// The plan's rhythm: the schedule of due days, the progress chart with its table, and every
// check-in with its notes and the circle's encouragement.
import { CHECKIN_LIMITS, encouragementSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, Stack, Table, Text, Textarea, Timeline, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { schemaResolver } from "../../lib/form";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ErrorState } from "../ErrorState";
import { ActionStatusBadge, DueBadge } from "./Badges";
import { ProgressChart } from "./ProgressChart";
import { type Checkin, type PlanView, percent } from "./types";

export function CheckinTimeline({ plan, canEncourage }: { plan: PlanView; canEncourage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const checkins = useQuery(trpc.checkins.list.queryOptions({ planId: plan.id }));
  return (
    <Card withBorder data-testid="checkin-timeline">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t("plan:timeline.title")}
        </Title>
        {checkins.isPending ? (
          <Text size="sm">{t("plan:timeline.loading")}</Text>
        ) : checkins.isError ? (
          <ErrorState error={checkins.error} onRetry={() => checkins.refetch()} />
        ) : checkins.data.length === 0 ? (
          <Text size="sm" data-testid="no-checkins">
            {plan.state === "draft"
              ? t("plan:timeline.draft")
              : plan.nextCheckin
                ? t("plan:timeline.first", { date: formatDay(plan.nextCheckin.dueOn) })
                : t("plan:timeline.none")}
          </Text>
        ) : (
          <>
            <ProgressChart checkins={checkins.data} />
            <Timeline active={checkins.data.length} bulletSize={14} lineWidth={2}>
              {checkins.data.map((checkin) => (
                <Timeline.Item
                  key={checkin.id}
                  title={t("plan:timeline.entry", {
                    date: formatDay(checkin.createdAt),
                    progress: percent(t, checkin.progress),
                  })}
                  data-testid="checkin"
                >
                  <CheckinEntry checkin={checkin} canEncourage={canEncourage} />
                </Timeline.Item>
              ))}
            </Timeline>
          </>
        )}
        <Schedule plan={plan} />
      </Stack>
    </Card>
  );
}

function CheckinEntry({ checkin, canEncourage }: { checkin: Checkin; canEncourage: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mt={4}>
      {checkin.note ? <Text size="sm">{checkin.note}</Text> : null}
      {checkin.actions.map((a) => (
        <Group key={a.actionId} gap="xs" wrap="nowrap" align="flex-start">
          <ActionStatusBadge status={a.status} />
          <Text size="xs">{a.text ?? t("plan:timeline.removedAction")}</Text>
        </Group>
      ))}
      {checkin.encouragements.length > 0 ? (
        <Stack gap={4} data-testid="encouragements">
          {checkin.encouragements.map((e) => (
            <Text key={e.id} size="sm" data-testid="encouragement">
              <Text span fw={600}>
                {e.author.name}:
              </Text>{" "}
              {e.text}
            </Text>
          ))}
        </Stack>
      ) : null}
      {canEncourage ? <EncourageForm checkinId={checkin.id} /> : null}
    </Stack>
  );
}

export function EncourageForm({ checkinId }: { checkinId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useForm({
    initialValues: { text: "" },
    validate: schemaResolver<{ text: string }>(encouragementSchema),
  });
  const text = form.values.text;
  const encourage = useMutation(
    trpc.checkins.encourage.mutationOptions({
      onSuccess: () => {
        form.reset();
        return invalidate.encouraged();
      },
    }),
  );
  const send = form.onSubmit((values) => encourage.mutate({ checkinId, ...values }));
  return (
    <Stack gap={4}>
      <Group align="flex-end" wrap="nowrap">
        <Textarea
          label={t("plan:timeline.encourage")}
          placeholder={t("plan:timeline.encouragePlaceholder")}
          {...form.getInputProps("text")}
          autosize
          minRows={1}
          maxLength={CHECKIN_LIMITS.encouragement}
          flex={1}
        />
        <Button
          variant="light"
          disabled={text.trim().length === 0}
          loading={encourage.isPending}
          onClick={() => send()}
        >
          {t("plan:timeline.send")}
        </Button>
      </Group>
      {encourage.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(encourage.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Schedule({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  if (plan.schedule.length === 0) return null;
  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          {t("plan:timeline.schedule", {
            count: plan.schedule.length,
            done: plan.schedule.filter((d) => d.status === "done").length,
          })}
        </Text>
      </summary>
      <Table aria-label={t("plan:timeline.scheduleTable")} data-testid="schedule-table" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("plan:timeline.due")}</Table.Th>
            <Table.Th scope="col">{t("plan:timeline.status")}</Table.Th>
            <Table.Th scope="col">{t("plan:timeline.checkedIn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.schedule.map((entry) => (
            <Table.Tr key={entry.dueOn}>
              <Table.Th scope="row" fw={400}>
                {formatDay(entry.dueOn)}
              </Table.Th>
              <Table.Td>
                <DueBadge status={entry.status} />
              </Table.Td>
              <Table.Td>{entry.checkedInOn ? formatDay(entry.checkedInOn) : t("plan:none")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
