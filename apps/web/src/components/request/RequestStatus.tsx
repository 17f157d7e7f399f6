// What the request page says about where a request stands: who asked and until when, warnings
// about raters, and the outcome once it is released, closed without a report or cancelled.

import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { MakePlanButton } from "../plan/MakePlanButton";
import { StateBadge } from "../StateBadge";
import type { RaterWarning, RequestView } from "./types";

export function RequestHeader({ request: r }: { request: RequestView }) {
  return (
    <Group justify="space-between">
      <div>
        <Title order={2}>Feedback on {r.role === "subject" ? "you" : r.subject.name}</Title>
        <Text c="dimmed" size="sm">
          Requested by {r.requester.name} · deadline {formatDay(r.deadline)} · anonymous answers shown only
          for groups of {r.threshold} or more
        </Text>
      </div>
      <StateBadge state={r.state} />
    </Group>
  );
}

export function RaterWarnings({ warnings }: { warnings: RaterWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title="Before answers come in" data-testid="rater-warnings">
      <Stack gap={4}>
        {warnings.map((w) => (
          <Text size="sm" key={`${w.kind}-${w.email ?? w.detail}`}>
            {w.detail}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function RequestOutcome({ request: r }: { request: RequestView }) {
  if (r.state === "released") {
    return (
      <Alert color="green" title="The report is released">
        <Anchor component={Link} to={`/reports/${r.id}`}>
          Open the report
        </Anchor>
        {r.role === "subject" ? (
          <Group mt="xs">
            <MakePlanButton requestId={r.id} size="xs" />
          </Group>
        ) : null}
      </Alert>
    );
  }
  if (r.state === "insufficient") {
    return (
      <Alert color="orange" title="Closed without a report">
        {r.insufficientReason === "too_close_to_earlier"
          ? "The raters who answered were nearly those of an earlier report on this person: every figure would have differed from it by fewer people than the anonymity threshold, and comparing the two would have singled someone out. A later request with clearly different raters can be released."
          : `Fewer than ${r.threshold} anonymous raters answered, so no figures could be shown without singling someone out. Start a new request with more raters.`}
      </Alert>
    );
  }
  if (r.state === "cancelled") {
    return (
      <Alert color="gray" title="Cancelled">
        This request was stopped before it closed. No report comes of it, and any answers given were deleted
        unread.
      </Alert>
    );
  }
  return null;
}
