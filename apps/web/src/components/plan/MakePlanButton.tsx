// "Make my plan" from a released report: opens the plan if there is one, else creates it.
import { Alert, Button } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function MakePlanButton({ requestId, size = "sm" }: { requestId: string; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const plans = useQuery(trpc.plans.list.queryOptions());
  const existing = plans.data?.find((p) => p.requestId === requestId);
  const create = useMutation(
    trpc.plans.create.mutationOptions({
      onSuccess: async (plan) => {
        await invalidate.planStateChanged();
        navigate(`/plans/${plan.id}`);
      },
    }),
  );
  if (existing) {
    return (
      <Button size={size} variant="light" onClick={() => navigate(`/plans/${existing.id}`)}>
        {t("plan:make.open")}
      </Button>
    );
  }
  return (
    <>
      <Button
        size={size}
        loading={create.isPending || plans.isPending}
        onClick={() => create.mutate({ requestId })}
      >
        {t("plan:make.make")}
      </Button>
      {create.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
    </>
  );
}
