// A failed load, said plainly, with a way to try again.
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/labels";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = errorMessage(error);
  return (
    <Stack p="md" maw={560} mx="auto">
      <Alert color="red" title={t("common:error.notLoaded")} role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      {onRetry ? (
        <Button variant="default" onClick={onRetry}>
          {t("common:error.tryAgain")}
        </Button>
      ) : null}
    </Stack>
  );
}
