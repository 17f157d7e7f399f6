// Request feedback: pick the subject, raters by group, a deadline; open now or let the subject propose.
import { mayRequestFeedback } from "@fivefold/domain";
import { Alert, Button, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { ratersOf, useNewRequestForm } from "../components/request/newRequestForm";
import { RaterPicker } from "../components/request/RaterPicker";
import { RequestBasics, WhenChoice } from "../components/request/RequestBasics";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function NewRequestPage() {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const people = useQuery(trpc.people.list.queryOptions());
  const form = useNewRequestForm();
  const create = useMutation(
    trpc.requests.create.mutationOptions({
      onSuccess: async ({ id, warnings }) => {
        await invalidate.requestCreated();
        // The request page shows what the manager should know: externals who do not count, and
        // raters too close to an earlier report's.
        navigate(`/requests/${id}`, { state: { warnings } });
      },
    }),
  );
  const { subjectId } = form.values;
  const { subjects, raterOptions } = useChoices(people.data ?? [], subjectId);

  if (people.isPending) return <PageLoader />;
  if (people.isError) return <ErrorState error={people.error} />;
  const selfRequest = subjectId === me.person.id;
  const submit = form.onSubmit((values) => {
    if (!values.subjectId) return;
    create.mutate({
      subjectId: values.subjectId,
      deadline: values.deadline,
      open: values.mode === "open",
      raters: ratersOf(values, me.person.id, selfRequest),
    });
  });

  return (
    <form onSubmit={submit}>
      <Stack maw={760}>
        <Title order={2}>Request feedback</Title>
        {subjects.length === 0 ? (
          <Alert color="yellow">
            You can request feedback for your direct reports, or for yourself as a manager. To get feedback on
            yourself, ask your manager: they start the request and you can propose raters.
          </Alert>
        ) : null}
        <RequestBasics form={form} subjects={subjects} />
        <RaterPicker
          form={form}
          options={raterOptions}
          threshold={me.org.anonymityThreshold}
          selfRequest={selfRequest}
        />
        <WhenChoice form={form} />
        {create.isError ? (
          <Alert color="red" role="alert" title="The request was not created">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Group>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!subjectId || Object.keys(form.errors).length > 0}
          >
            {form.values.mode === "open" ? "Open the request" : "Save the draft"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whom this person may ask about, and who may rate: never the subject, never the requester (who
 * reads the report, so rates as the manager). */
function useChoices(
  people: Array<{ id: string; name: string; email: string; managerId: string | null }>,
  subjectId: string | null,
) {
  const me = useMe();
  const subjects = useMemo(
    () =>
      people
        .filter((p) => mayRequestFeedback({ personId: me.person.id, roles: me.roles }, p))
        .map((p) => ({ value: p.id, label: p.id === me.person.id ? `${p.name} (you)` : p.name })),
    [people, me.person.id, me.roles],
  );
  const raterOptions = useMemo(
    () =>
      people
        .filter((p) => p.id !== subjectId && p.id !== me.person.id)
        .map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` })),
    [people, subjectId, me.person.id],
  );
  return { subjects, raterOptions };
}
