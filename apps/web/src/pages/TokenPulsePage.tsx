// Answering a pulse through its one-time link: no sign-in, the token is the key.
import { Box, Container, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PulseForm } from "../components/pulse/PulseForm";
import { useTRPC, useTRPCClient } from "../lib/trpc";

export default function TokenPulsePage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const form = useQuery({
    ...trpc.pulses.formByToken.queryOptions({ token }),
    staleTime: Infinity,
    retry: false,
  });
  return (
    <Container size="md" py="lg" component="main">
      <Box mb="md">
        <Title order={1} size="h3">
          Fivefold
        </Title>
        <Text size="sm" c="dimmed">
          Perceived-change pulse
        </Text>
      </Box>
      {form.isError ? (
        <ErrorState error={form.error} />
      ) : !form.data ? (
        <PageLoader />
      ) : (
        <PulseForm
          form={form.data}
          onSubmit={(answer) => client.pulses.answerByToken.mutate({ token, ...answer })}
        />
      )}
    </Container>
  );
}
