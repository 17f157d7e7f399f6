// Answering a pulse through its one-time link: no sign-in, the token is the key.
import { Box, Container, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PulseForm } from "../components/pulse/PulseForm";
import { switchLanguage } from "../i18n";
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
  // Not signed in: the page speaks the invitee's language (their choice, else the organisation's).
  const { t, i18n } = useTranslation();
  const language = form.data?.language;
  useEffect(() => {
    if (language) void switchLanguage(language);
  }, [language]);
  return (
    <Container size="md" py="lg" component="main">
      <Box mb="md">
        <Title order={1} size="h3">
          {/* i18n-ignore: the product's name */}
          Fivefold
        </Title>
        <Text size="sm" c="dimmed">
          {t("rating:page.pulseTagline")}
        </Text>
      </Box>
      {form.isError ? (
        <ErrorState error={form.error} />
      ) : !form.data || i18n.language !== form.data.language ? (
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
