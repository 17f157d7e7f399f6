// Inviting to the support circle: suggestions from colleagues who opted in, and anyone in the
// organisation, as a partner or as the accountability lead.
import type { AppRouter } from "@fivefold/api";
import { Alert, Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { type UseQueryResult, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
import type { PlanView } from "./types";

type Role = "partner" | "lead";
type Suggestion = inferRouterOutputs<AppRouter>["plans"]["suggestPartners"][number];

export function Invite({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const c = plan.circle;
  const [role, setRole] = useState<Role>(c.canInviteLead && !c.canInvitePartner ? "lead" : "partner");
  const [personId, setPersonId] = useState<string | null>(null);
  const full = role === "lead" ? !c.canInviteLead : !c.canInvitePartner;
  const suggestions = useQuery({
    ...trpc.plans.suggestPartners.queryOptions({ planId: plan.id, role }),
    enabled: !full,
  });
  const invite = useMutation(
    trpc.plans.invitePartner.mutationOptions({
      onSuccess: () => {
        setPersonId(null);
        return invalidate.circleChanged();
      },
    }),
  );
  const taken = new Set([
    plan.subject.id,
    ...c.members.filter((m) => m.state !== "declined").map((m) => m.person.id),
  ]);

  return (
    <Stack gap="sm" data-testid="invite">
      <RoleChoice role={role} onRole={setRole} />
      {full ? (
        <Text size="sm" c="dimmed">
          {role === "lead"
            ? "Your circle has its accountability lead."
            : `Your circle has the most partners it can have (${c.maxPartners}).`}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {role === "lead"
              ? "The lead holds you to your check-ins and hears from Fivefold when one is overdue. Not one of your direct reports."
              : "Partners see your plan and progress and encourage you after each check-in."}
          </Text>
          <Suggestions
            suggestions={suggestions}
            role={role}
            invitingId={invite.isPending ? (invite.variables?.personId ?? null) : null}
            onInvite={(personId) => invite.mutate({ planId: plan.id, personId, role })}
          />
          <Group align="flex-end" wrap="wrap">
            <PersonSelect
              label="Anyone in your organisation"
              placeholder="Search by name"
              value={personId}
              onChange={setPersonId}
              exclude={taken}
              withEmail={false}
              w={260}
            />
            <Button
              disabled={!personId}
              loading={invite.isPending && invite.variables?.personId === personId}
              onClick={() => personId && invite.mutate({ planId: plan.id, personId, role })}
            >
              {role === "lead" ? "Invite as lead" : "Invite as partner"}
            </Button>
          </Group>
        </>
      )}
      {invite.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(invite.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Suggestions(props: {
  suggestions: UseQueryResult<Suggestion[], unknown>;
  role: Role;
  invitingId: string | null;
  onInvite: (personId: string) => void;
}) {
  const { suggestions, role, invitingId, onInvite } = props;
  return (
    <>
      {suggestions.isPending ? (
        <Text size="sm" c="dimmed">
          Looking for colleagues who offered to help…
        </Text>
      ) : suggestions.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(suggestions.error)}
        </Text>
      ) : suggestions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No suggestions: nobody else has opted in as a partner yet. Invite anyone below.
        </Text>
      ) : (
        <Stack gap={6} data-testid="suggestions">
          <Text size="sm" fw={600}>
            Suggested
          </Text>
          {suggestions.data.map((s) => (
            <Group key={s.personId} justify="space-between" wrap="nowrap" data-testid="suggestion">
              <div>
                <Text size="sm">{s.name}</Text>
                <Text size="xs" c="dimmed">
                  {s.reason}
                </Text>
              </div>
              <Button
                size="xs"
                variant="light"
                loading={invitingId === s.personId}
                onClick={() => onInvite(s.personId)}
                aria-label={`Invite ${s.name} as ${role === "lead" ? "accountability lead" : "partner"}`}
              >
                Invite
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </>
  );
}

function RoleChoice({ role, onRole }: { role: Role; onRole: (role: Role) => void }) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Text fw={600} size="sm">
        Invite
      </Text>
      <SegmentedControl
        aria-label="Role to invite"
        value={role}
        onChange={(value) => onRole(value as Role)}
        data={[
          { value: "partner", label: "Partners" },
          { value: "lead", label: "Accountability lead" },
        ]}
      />
    </Group>
  );
}
