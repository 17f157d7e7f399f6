// A failed load, said plainly, with a way to try again.
import { Alert, Button, Stack, Text } from "@mantine/core";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <Stack p="md" maw={560} mx="auto">
      <Alert color="red" title="This could not be loaded" role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      {onRetry ? (
        <Button variant="default" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Stack>
  );
}
