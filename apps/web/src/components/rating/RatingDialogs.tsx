// The two confirmations: the one and only submit, and declining.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

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
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("rating:confirm.submitTitle")}>
      <Stack>
        <Text size="sm">{t("rating:confirm.submitBody")}</Text>
        {retrying ? (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="submit-retrying">
            {t("rating:confirm.retrying")}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("rating:confirm.notYet")}
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            {t("rating:confirm.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ConfirmDecline({ opened, onClose, onConfirm, busy }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("rating:confirm.declineTitle")}>
      <Stack>
        <Text size="sm">{t("rating:confirm.declineBody")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("rating:confirm.cancel")}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {t("rating:confirm.decline")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
