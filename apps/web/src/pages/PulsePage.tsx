// Answering a pulse from the inbox (signed in): the pulse's id is the key, the rater is the caller.
import { Stack } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PulseForm } from "../components/pulse/PulseForm";
import { useTRPC, useTRPCClient } from "../lib/trpc";

export default function PulsePage() {
  const { requestId = "" } = useParams();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const form = useQuery({ ...trpc.pulses.form.queryOptions({ requestId }), retry: false });
  if (form.isPending) return <PageLoader />;
  if (form.isError) return <ErrorState error={form.error} />;
  return (
    <Stack maw={860}>
      <PulseForm
        form={form.data}
        onSubmit={async (answer) => {
          await client.pulses.answer.mutate({ requestId, ...answer });
          await queryClient.invalidateQueries(trpc.pulses.mine.queryFilter());
        }}
      />
    </Stack>
  );
}
