// Changing a support circle after the fact: the owner removes someone, a member steps down. Both ask
// for confirmation first, because the other person is told by e-mail.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

interface ConfirmProps {
  label: string;
  ariaLabel: string;
  title: string;
  explanation: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: (close: () => void) => void;
}

function ConfirmButton(props: ConfirmProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={props.ariaLabel}
      >
        {props.label}
      </Button>
      <Modal opened={opened} onClose={close} title={props.title}>
        <Stack>
          <Text size="sm">{props.explanation}</Text>
          {props.error ? (
            <Text c="red" role="alert">
              {errorMessage(props.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("plan:cancel")}
            </Button>
            <Button color="red" loading={props.pending} onClick={() => props.onConfirm(close)}>
              {props.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function RemoveFromCircle({
  partnershipId,
  name,
  state,
}: {
  partnershipId: string;
  name: string;
  state: "invited" | "accepted" | "declined";
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t } = useTranslation();
  const remove = useMutation(
    trpc.plans.removePartner.mutationOptions({ onSuccess: invalidate.circleChanged }),
  );
  return (
    <ConfirmButton
      label={t("plan:circle.remove")}
      ariaLabel={t("plan:circle.removeAria", { name })}
      title={t("plan:circle.removeTitle", { name })}
      explanation={
        state === "declined"
          ? t("plan:circle.removeDeclined", { name })
          : t("plan:circle.removeExplain", { name })
      }
      confirm={t("plan:circle.remove")}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={(close) => remove.mutate({ partnershipId }, { onSuccess: close })}
    />
  );
}

export function StepDown({ partnershipId, ownerName }: { partnershipId: string; ownerName: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const { t } = useTranslation();
  const leave = useMutation(trpc.partners.leave.mutationOptions({ onSuccess: invalidate.circleChanged }));
  return (
    <ConfirmButton
      label={t("plan:circle.stepDown")}
      ariaLabel={t("plan:circle.stepDownAria", { name: ownerName })}
      title={t("plan:circle.stepDownTitle", { name: ownerName })}
      explanation={t("plan:circle.stepDownExplain", { name: ownerName })}
      confirm={t("plan:circle.stepDown")}
      pending={leave.isPending}
      error={leave.error}
      onConfirm={(close) => leave.mutate({ partnershipId }, { onSuccess: close })}
    />
  );
}
