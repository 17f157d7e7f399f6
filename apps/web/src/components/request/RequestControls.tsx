// The manager's controls on a draft or open request: open it, close and release it, or cancel it,
// each final step behind a confirmation.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { RequestView } from "./types";

interface Pending {
  open: boolean;
  close: boolean;
  cancel: boolean;
}

interface Props {
  request: RequestView;
  pending: Pending;
  onOpen: () => void;
  /** Each resolves once done; the confirmation closes on success. */
  onClose: (done: () => void) => void;
  onCancel: (done: () => void) => void;
}

export function RequestControls({ request: r, pending, onOpen, onClose, onCancel }: Props) {
  const [confirm, setConfirm] = useState<"close" | "cancel" | null>(null);
  const done = () => setConfirm(null);
  return (
    <>
      <Group>
        {r.state === "draft" ? (
          <Button onClick={onOpen} loading={pending.open}>
            Open the request and invite the raters
          </Button>
        ) : (
          <Button color="red" variant="light" onClick={() => setConfirm("close")}>
            Close and release
          </Button>
        )}
        <Button variant="subtle" color="gray" onClick={() => setConfirm("cancel")}>
          Cancel the request
        </Button>
      </Group>
      <Modal opened={confirm === "cancel"} onClose={done} title="Cancel this request?">
        <Stack>
          <Text size="sm">
            No report will come of it. Answers already given are deleted unread, and the raters' links stop
            working. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={done}>
              Keep the request
            </Button>
            <Button color="red" loading={pending.cancel} onClick={() => onCancel(done)}>
              Cancel the request
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirm === "close"} onClose={done} title="Close this request?">
        <Stack>
          <Text size="sm">
            Closing stops collecting answers for good and computes the report once. If fewer than{" "}
            {r.threshold} anonymous raters answered, no report can be released.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={done}>
              Keep collecting
            </Button>
            <Button color="red" loading={pending.close} onClick={() => onClose(done)}>
              Close and release
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
