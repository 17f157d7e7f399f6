// Single sign-on on the settings page (admins): the organisation's OpenID provider (issuer, client
// id, client secret, the e-mail domains it covers) and whether passwords are switched off. The
// client secret is write-only: the field starts empty, and leaving it empty keeps the stored one.
import type { SsoSettings } from "@fivefold/domain";
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function SsoCard() {
  const trpc = useTRPC();
  const sso = useQuery(trpc.sso.get.queryOptions());
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Single sign-on
        </Title>
        <Text size="sm" c="dimmed">
          People of the domains below sign in through your identity provider (OpenID Connect), with "Sign in
          with your company account". Register Fivefold with the provider first (docs/deploy.md).
        </Text>
        {sso.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(sso.error)}
          </Alert>
        ) : null}
        {sso.data ? <SsoForm current={sso.data} /> : null}
      </Stack>
    </Card>
  );
}

function SsoForm({ current }: { current: SsoSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(current.issuer ?? "");
  const [clientId, setClientId] = useState(current.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState(current.domains.join(", "));
  const [passwordsDisabled, setPasswordsDisabled] = useState(current.passwordsDisabled);
  const [trustUnstated, setTrustUnstated] = useState(current.trustUnstatedVerification);
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sso.get.queryKey() });
  const update = useMutation(
    trpc.sso.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        setClientSecret("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.sso.remove.mutationOptions({ onSuccess: refresh }));
  const save = () => {
    setSaved(false);
    update.mutate({
      issuer,
      clientId,
      clientSecret: clientSecret || undefined,
      domains: domains.split(/[\s,]+/).filter(Boolean),
      passwordsDisabled,
      trustUnstatedVerification: trustUnstated,
    });
  };
  return (
    <Stack>
      <Text size="sm">
        Redirect URI to register with the provider: <Code>{current.redirectUri}</Code>
      </Text>
      <TextInput label="Issuer URL" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} />
      <TextInput label="Client ID" value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} />
      <PasswordInput
        label="Client secret"
        description={current.hasClientSecret ? "Stored, and never shown. Leave empty to keep it." : undefined}
        autoComplete="off"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.currentTarget.value)}
      />
      <TextInput
        label="E-mail domains"
        description="Separated by commas, for example example.com, example.co.uk"
        value={domains}
        onChange={(e) => setDomains(e.currentTarget.value)}
      />
      <SsoSwitches
        trustUnstated={trustUnstated}
        onTrustUnstated={setTrustUnstated}
        passwordsDisabled={passwordsDisabled}
        onPasswordsDisabled={setPasswordsDisabled}
      />
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      {saved ? <Alert color="green">Single sign-on saved.</Alert> : null}
      <Group>
        <Button onClick={save} loading={update.isPending}>
          Save single sign-on
        </Button>
        {current.configured ? (
          <Button variant="default" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            Remove single sign-on
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function SsoSwitches(props: {
  trustUnstated: boolean;
  onTrustUnstated: (value: boolean) => void;
  passwordsDisabled: boolean;
  onPasswordsDisabled: (value: boolean) => void;
}) {
  return (
    <>
      <Switch
        label="Take addresses as verified when the provider does not say (Entra ID)"
        checked={props.trustUnstated}
        onChange={(e) => props.onTrustUnstated(e.currentTarget.checked)}
      />
      <Switch
        label="Switch passwords off: people of this organisation sign in only through the provider"
        checked={props.passwordsDisabled}
        onChange={(e) => props.onPasswordsDisabled(e.currentTarget.checked)}
      />
    </>
  );
}
