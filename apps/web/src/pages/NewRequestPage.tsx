// Request feedback: pick the subject, raters by group, a deadline; open now or let the subject propose.
import { mayRequestFeedback, type Role } from "@fivefold/domain";
import { Alert, Button, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  // An admin may ask about anyone (searched as they type); others about their direct reports, and
  // managers about themselves: at most a page of them.
  const admin = me.roles.includes("admin");
  const reports = useQuery({
    ...trpc.people.list.queryOptions({ managerId: me.person.id, limit: 100 }),
    enabled: !admin,
  });
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
  if (!admin && reports.isPending) return <PageLoader />;
  if (reports.isError) return <ErrorState error={reports.error} />;
  const subjects = admin ? null : subjectsOf(reports.data?.people ?? [], me);
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
        <Title order={2}>{t("requests:new.title")}</Title>
        {subjects?.length === 0 ? <Alert color="yellow">{t("requests:new.noSubjects")}</Alert> : null}
        <RequestBasics form={form} subjects={subjects} />
        <RaterPicker
          form={form}
          exclude={[...(subjectId ? [subjectId] : []), me.person.id]}
          threshold={me.org.anonymityThreshold}
          selfRequest={selfRequest}
        />
        <WhenChoice form={form} />
        {create.isError ? (
          <Alert color="red" role="alert" title={t("requests:new.notCreated")}>
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Group>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!subjectId || Object.keys(form.errors).length > 0}
          >
            {form.values.mode === "open" ? t("requests:new.open") : t("requests:new.saveDraft")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whom someone who is not an admin may ask about (the domain's rule): their direct reports, and
 * themself as a manager. Raters are never the subject nor the requester (who reads the report, so
 * rates as the manager). */
function subjectsOf(
  reports: ReadonlyArray<{ id: string; name: string; managerId: string | null }>,
  me: { person: { id: string; name: string }; roles: Role[] },
) {
  const actor = { personId: me.person.id, roles: me.roles };
  const self = {
    id: me.person.id,
    name: i18next.t("requests:new.you", { name: me.person.name }),
    managerId: null,
  };
  return [self, ...reports]
    .filter((p) => mayRequestFeedback(actor, p))
    .map((p) => ({ value: p.id, label: p.name }));
}
