// Answering an invitation from the inbox (signed in).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { RatingForm } from "../components/RatingForm";
import { useTRPC } from "../lib/trpc";

export default function FeedbackPage() {
  const { invitationId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useQuery({ ...trpc.responses.get.queryOptions({ invitationId }), staleTime: Infinity });
  const instrument = useQuery({
    ...trpc.instrument.get.queryOptions({ version: form.data?.instrumentVersion }),
    enabled: Boolean(form.data),
    staleTime: Infinity,
  });
  const submit = useMutation(
    trpc.responses.submit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() }),
    }),
  );
  const decline = useMutation(
    trpc.responses.decline.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() }),
    }),
  );

  if (form.isError) return <ErrorState error={form.error} />;
  if (instrument.isError) return <ErrorState error={instrument.error} />;
  if (!form.data || !instrument.data) return <PageLoader />;
  return (
    <RatingForm
      form={form.data}
      instrument={instrument.data}
      onSubmit={(p) => submit.mutateAsync({ invitationId, ...p })}
      onDecline={() => decline.mutateAsync({ invitationId })}
    />
  );
}
