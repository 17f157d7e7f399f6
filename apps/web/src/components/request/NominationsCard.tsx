// The nominated raters of a request: who proposed whom, the manager's approval, and an admin's
// vouching for an external address; the subject proposes raters while the request is a draft.
import { Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AddRater } from "./AddRater";
import { ProposeRater } from "./ProposeRater";
import type { Nomination, RequestView } from "./types";

export interface NominationActions {
  /** The manager may approve or remove proposals. */
  decides: boolean;
  /** An admin may vouch for an external address. */
  mayVouch: boolean;
  vouching: boolean;
  decide: (nominationId: string, approve: boolean) => void;
  vouch: (email: string) => void;
}

export function NominationsCard({
  request: r,
  actions,
}: {
  request: RequestView;
  actions: NominationActions;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600}>{t("requests:nominations.title")}</Text>
        {r.nominations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("requests:nominations.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("requests:nominations.rater")}</Table.Th>
                  <Table.Th>{t("requests:nominations.group")}</Table.Th>
                  <Table.Th>{t("requests:nominations.proposedBy")}</Table.Th>
                  <Table.Th>{t("requests:nominations.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.nominations.map((n) => (
                  <Table.Tr key={n.id} data-testid="nomination">
                    <Table.Td>{n.person?.name ?? n.email}</Table.Td>
                    <Table.Td>{t(`requests:group.${n.group}`)}</Table.Td>
                    <Table.Td>{n.proposedBy.name}</Table.Td>
                    <Table.Td>
                      <NominationStatus nomination={n} actions={actions} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {r.role === "manager" && actions.decides ? <AddRater request={r} /> : null}
        {r.role === "subject" && r.state === "draft" ? (
          <ProposeRater requestId={r.id} subjectId={r.subject.id} />
        ) : null}
        {r.role === "subject" && r.state === "open" ? (
          <Text size="xs" c="dimmed">
            {t("requests:nominations.draftOnly")}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function NominationStatus({
  nomination: n,
  actions,
}: {
  nomination: Nomination;
  actions: NominationActions;
}) {
  const { t } = useTranslation();
  const who = n.person?.name ?? n.email;
  if (n.approved === null && actions.decides) {
    return (
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => actions.decide(n.id, true)}
          aria-label={t("requests:nominations.approveLabel", { name: who })}
        >
          {t("requests:nominations.approve")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => actions.decide(n.id, false)}
          aria-label={t("requests:nominations.removeLabel", { name: who })}
        >
          {t("requests:nominations.remove")}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Badge variant="light" color={n.approved ? "green" : n.approved === false ? "gray" : "yellow"}>
        {n.approved
          ? t("requests:nominations.approved")
          : n.approved === false
            ? t("requests:nominations.removed")
            : t("requests:nominations.awaiting")}
      </Badge>
      {n.vouchedFor ? (
        <Badge variant="light" color="teal">
          {t("requests:nominations.vouched")}
        </Badge>
      ) : null}
      {n.email && n.approved && !n.vouchedFor && actions.mayVouch ? (
        <Button
          size="xs"
          variant="light"
          loading={actions.vouching}
          onClick={() => n.email && actions.vouch(n.email)}
          aria-label={t("requests:nominations.vouchLabel", { email: n.email })}
        >
          {t("requests:nominations.vouch")}
        </Button>
      ) : null}
    </Group>
  );
}
