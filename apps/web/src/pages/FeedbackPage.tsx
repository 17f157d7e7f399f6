// Answering an invitation from the inbox (signed in).
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { type AnswerPayload, RatingForm } from "../components/RatingForm";
import { useInvalidate } from "../lib/invalidate";
import { useTRPC, useTRPCClient } from "../lib/trpc";

export default function FeedbackPage() {
  const { invitationId = "" } = useParams();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useQuery({ ...trpc.responses.get.queryOptions({ invitationId }), staleTime: Infinity });
  // The submit goes through the client itself, so each attempt can carry its own deadline.
  const client = useTRPCClient();
  const onSubmit = useCallback(
    async (p: AnswerPayload & { idempotencyKey: string }, signal: AbortSignal) => {
      const result = await client.responses.submit.mutate({ invitationId, ...p }, { signal });
      void invalidate.invitationAnswered();
      return result;
    },
    [client, invitationId, invalidate],
  );
  const decline = useMutation(
    trpc.responses.decline.mutationOptions({
      onSuccess: invalidate.invitationAnswered,
    }),
  );

  if (form.isError) return <ErrorState error={form.error} />;
  if (!form.data) return <PageLoader />;
  return (
    <RatingForm
      form={form.data}
      instrument={form.data.instrument}
      onSubmit={onSubmit}
      onDecline={() => decline.mutateAsync({ invitationId })}
    />
  );
}
