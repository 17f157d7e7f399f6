// Inviting to the support circle: suggestions from colleagues who opted in, and anyone in the
// organisation, as a partner or as the accountability lead.
import type { AppRouter } from "@fivefold/api";
import { Alert, Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { type UseQueryResult, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import i18next from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { listInWords } from "../../lib/report";
import { useTRPC } from "../../lib/trpc";
import { PersonSelect } from "../people/PersonPicker";
import type { PlanView } from "./types";

type Role = "partner" | "lead";
type Suggestion = inferRouterOutputs<AppRouter>["plans"]["suggestPartners"][number];

/**
 * Why a colleague is suggested, in the page's language, from the dimensions where others see a
 * strength of theirs and those they offered to support (in English the server's `reason`, word for word).
 */
export function suggestionReason(s: Pick<Suggestion, "strong" | "offered">): string {
  const names = (keys: readonly string[]) => listInWords(keys.map((k) => i18next.t(`common:dimension.${k}`)));
  const strong = names(s.strong);
  const offered = names(s.offered);
  if (s.strong.length > 0 && s.offered.length > 0)
    return i18next.t("plan:invite.reason.strongOffered", { strong, offered });
  if (s.strong.length > 0) return i18next.t("plan:invite.reason.strong", { strong });
  if (s.offered.length > 0) return i18next.t("plan:invite.reason.offered", { offered });
  return i18next.t("plan:invite.reason.optedIn");
}

export function Invite({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
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
          {role === "lead" ? t("plan:invite.hasLead") : t("plan:invite.full", { max: c.maxPartners })}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {role === "lead" ? t("plan:invite.leadHint") : t("plan:invite.partnerHint")}
          </Text>
          <Suggestions
            suggestions={suggestions}
            role={role}
            invitingId={invite.isPending ? (invite.variables?.personId ?? null) : null}
            onInvite={(personId) => invite.mutate({ planId: plan.id, personId, role })}
          />
          <Group align="flex-end" wrap="wrap">
            <PersonSelect
              label={t("plan:invite.anyone")}
              placeholder={t("plan:invite.search")}
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
              {role === "lead" ? t("plan:invite.asLead") : t("plan:invite.asPartner")}
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
  const { t } = useTranslation();
  return (
    <>
      {suggestions.isPending ? (
        <Text size="sm" c="dimmed">
          {t("plan:invite.looking")}
        </Text>
      ) : suggestions.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(suggestions.error)}
        </Text>
      ) : suggestions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("plan:invite.noSuggestions")}
        </Text>
      ) : (
        <Stack gap={6} data-testid="suggestions">
          <Text size="sm" fw={600}>
            {t("plan:invite.suggested")}
          </Text>
          {suggestions.data.map((s) => (
            <Group key={s.personId} justify="space-between" wrap="nowrap" data-testid="suggestion">
              <div>
                <Text size="sm">{s.name}</Text>
                <Text size="xs" c="dimmed">
                  {suggestionReason(s)}
                </Text>
              </div>
              <Button
                size="xs"
                variant="light"
                loading={invitingId === s.personId}
                onClick={() => onInvite(s.personId)}
                // The name and reason wrap; the button keeps its whole word.
                style={{ flexShrink: 0 }}
                aria-label={t(`plan:invite.inviteAria.${role}`, { name: s.name })}
              >
                {t("plan:invite.button")}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </>
  );
}

function RoleChoice({ role, onRole }: { role: Role; onRole: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="wrap">
      <Text fw={600} size="sm">
        {t("plan:invite.title")}
      </Text>
      <SegmentedControl
        aria-label={t("plan:invite.roleChoice")}
        value={role}
        onChange={(value) => onRole(value as Role)}
        data={[
          { value: "partner", label: t("plan:invite.partners") },
          { value: "lead", label: t("plan:invite.lead") },
        ]}
      />
    </Group>
  );
}
