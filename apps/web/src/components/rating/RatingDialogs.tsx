// The two confirmations: the one and only submit, and declining.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
}

export function ConfirmSubmit({
  opened,
  onClose,
  onConfirm,
  busy,
  retrying,
}: DialogProps & { retrying: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Submit your feedback?">
      <Stack>
        <Text size="sm">You can submit once. After that your answers are sealed and cannot be changed.</Text>
        {retrying ? (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="submit-retrying">
            The connection dropped: sending again…
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not yet
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            Submit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ConfirmDecline({ opened, onClose, onConfirm, busy }: DialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Decline this invitation?">
      <Stack>
        <Text size="sm">
          Nobody is told who declined, and you are not asked why. Anything you rated here is deleted from this
          device.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
