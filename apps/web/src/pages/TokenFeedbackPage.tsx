// Answering through a one-time link: no sign-in, the token is the key.
import { Box, Container, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { type AnswerPayload, RatingForm } from "../components/RatingForm";
import { switchLanguage } from "../i18n";
import { useTRPC, useTRPCClient } from "../lib/trpc";

export default function TokenFeedbackPage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const form = useQuery({
    ...trpc.responses.getByToken.queryOptions({ token }),
    staleTime: Infinity,
    retry: false,
  });
  const decline = useMutation(trpc.responses.declineByToken.mutationOptions());
  // The submit goes through the client itself, so each attempt can carry its own deadline.
  const client = useTRPCClient();
  const onSubmit = useCallback(
    (p: AnswerPayload & { idempotencyKey: string }, signal: AbortSignal) =>
      client.responses.submitByToken.mutate({ token, ...p }, { signal }),
    [client, token],
  );
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
          {t("rating:page.tagline")}
        </Text>
      </Box>
      {form.isError ? (
        <ErrorState error={form.error} />
      ) : !form.data || i18n.language !== form.data.language ? (
        <PageLoader />
      ) : (
        <RatingForm
          form={form.data}
          instrument={form.data.instrument}
          onSubmit={onSubmit}
          onDecline={() => decline.mutateAsync({ token })}
        />
      )}
    </Container>
  );
}
