// Accepting or declining an invitation to someone's support circle.
import { Alert, Button, Group } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function InvitationAnswer({
  partnershipId,
  subjectName,
}: {
  partnershipId: string;
  subjectName: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const respond = useMutation(trpc.partners.respond.mutationOptions({ onSuccess: invalidate.circleChanged }));
  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          loading={respond.isPending && respond.variables?.accept === true}
          onClick={() => respond.mutate({ partnershipId, accept: true })}
          aria-label={t("plan:answer.acceptAria", { name: subjectName })}
        >
          {t("plan:answer.accept")}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={respond.isPending && respond.variables?.accept === false}
          onClick={() => respond.mutate({ partnershipId, accept: false })}
          aria-label={t("plan:answer.declineAria", { name: subjectName })}
        >
          {t("plan:answer.decline")}
        </Button>
      </Group>
      {respond.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(respond.error)}
        </Alert>
      ) : null}
    </>
  );
}
