// The manager's controls on a draft or open request: open it, close and release it, or cancel it,
// each final step behind a confirmation.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<"close" | "cancel" | null>(null);
  const done = () => setConfirm(null);
  return (
    <>
      <Group>
        {r.state === "draft" ? (
          <Button onClick={onOpen} loading={pending.open}>
            {t("requests:controls.open")}
          </Button>
        ) : (
          <Button color="red" variant="light" onClick={() => setConfirm("close")}>
            {t("requests:controls.close")}
          </Button>
        )}
        <Button variant="subtle" color="gray" onClick={() => setConfirm("cancel")}>
          {t("requests:controls.cancel")}
        </Button>
      </Group>
      <Modal opened={confirm === "cancel"} onClose={done} title={t("requests:controls.cancelTitle")}>
        <Stack>
          <Text size="sm">{t("requests:controls.cancelBody")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={done}>
              {t("requests:controls.keep")}
            </Button>
            <Button color="red" loading={pending.cancel} onClick={() => onCancel(done)}>
              {t("requests:controls.cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirm === "close"} onClose={done} title={t("requests:controls.closeTitle")}>
        <Stack>
          <Text size="sm">{t("requests:controls.closeBody", { threshold: r.threshold })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={done}>
              {t("requests:controls.keepCollecting")}
            </Button>
            <Button color="red" loading={pending.close} onClick={() => onClose(done)}>
              {t("requests:controls.close")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
