// Changing a support circle after the fact: the owner removes someone, a member steps down. Both ask
// for confirmation first, because the other person is told by e-mail.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
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
              Cancel
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
  const remove = useMutation(
    trpc.plans.removePartner.mutationOptions({ onSuccess: invalidate.circleChanged }),
  );
  return (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${name} from the circle`}
      title={`Remove ${name} from your circle?`}
      explanation={
        state === "declined"
          ? `${name} declined; removing the answer tidies your circle.`
          : `${name} will no longer see your plan or its check-ins, and is told by e-mail. You can invite someone else.`
      }
      confirm="Remove"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={(close) => remove.mutate({ partnershipId }, { onSuccess: close })}
    />
  );
}

export function StepDown({ partnershipId, ownerName }: { partnershipId: string; ownerName: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const leave = useMutation(trpc.partners.leave.mutationOptions({ onSuccess: invalidate.circleChanged }));
  return (
    <ConfirmButton
      label="Step down"
      ariaLabel={`Step down from ${ownerName}'s circle`}
      title={`Step down from ${ownerName}'s circle?`}
      explanation={`You will no longer see ${ownerName}'s plan or its check-ins. ${ownerName} is told by e-mail so they can ask someone else.`}
      confirm="Step down"
      pending={leave.isPending}
      error={leave.error}
      onConfirm={(close) => leave.mutate({ partnershipId }, { onSuccess: close })}
    />
  );
}
