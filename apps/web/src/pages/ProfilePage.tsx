// My profile, and whether Fivefold may suggest me to colleagues as an accountability partner.

import { type DimensionKey, partnerOptInSchema } from "@fivefold/domain";
import { Alert, Badge, Button, Card, Chip, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { DIMENSIONS } from "../components/plan/types";
import { NoticesCard } from "../components/profile/NoticesCard";
import { schemaResolver } from "../lib/form";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export default function ProfilePage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.get.queryOptions());
  if (profile.isPending) return <PageLoader />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  const p = profile.data;
  return (
    <Stack maw={760} gap="lg">
      <Title order={2}>Profile</Title>
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>{p.person.name}</Text>
          <Text size="sm" c="dimmed">
            {p.person.email} · {p.org.name}
          </Text>
          <Group gap="xs" mt={4}>
            {p.roles.map((role) => (
              <Badge key={role} variant="light">
                {role}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
      <PartnerOptIn initial={p.partnerOptIn} />
      <NoticesCard />
    </Stack>
  );
}

type OptInValues = { optIn: boolean; dimensions: DimensionKey[] };

function PartnerOptIn({ initial }: { initial: OptInValues }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [saved, setSaved] = useState(false);
  const form = useForm<OptInValues>({
    initialValues: initial,
    validate: schemaResolver<OptInValues>(partnerOptInSchema),
    onValuesChange: () => setSaved(false),
  });
  const save = useMutation(
    trpc.profile.setPartnerOptIn.mutationOptions({
      onSuccess: async () => {
        await invalidate.profileChanged();
        setSaved(true);
      },
    }),
  );
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);
  const submit = form.onSubmit(({ optIn, dimensions }) => save.mutate({ optIn, dimensions }));
  return (
    <Card withBorder data-testid="partner-opt-in">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Accountability partner
        </Title>
        <Text size="sm">
          Colleagues who make a coaching plan invite a few partners to encourage them. Say here whether
          Fivefold may suggest you. To rank suggestions, Fivefold uses the overall figures of your own latest
          released report (never a single answer); colleagues only read, in words, where others see a strength
          of yours.
        </Text>
        <Switch
          {...form.getInputProps("optIn", { type: "checkbox" })}
          label="Suggest me as an accountability partner"
        />
        <DimensionChoice
          value={form.values.dimensions}
          onChange={(value) => form.setFieldValue("dimensions", value)}
          disabled={!form.values.optIn}
        />
        {save.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group>
          <Button disabled={!dirty} loading={save.isPending} onClick={() => submit()}>
            Save
          </Button>
          {saved && !dirty ? (
            <Text size="sm" c="green" role="status">
              Saved.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function DimensionChoice(props: {
  value: DimensionKey[];
  onChange: (value: DimensionKey[]) => void;
  disabled: boolean;
}) {
  return (
    <div>
      <Text size="sm" fw={600} id="opt-in-dimensions">
        Dimensions I would like to support
      </Text>
      <Text size="xs" c="dimmed">
        None ticked means any.
      </Text>
      <Chip.Group
        multiple
        value={props.value}
        onChange={(value) =>
          props.onChange(DIMENSIONS.map((d) => d.key).filter((key) => value.includes(key)))
        }
      >
        <Group gap="xs" mt="xs" role="group" aria-labelledby="opt-in-dimensions">
          {DIMENSIONS.map((d) => (
            <Chip key={d.key} value={d.key} disabled={props.disabled}>
              {d.name}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
