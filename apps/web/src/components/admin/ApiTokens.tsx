// API tokens on the settings page (admins): create one for a system (its secret shown once, to
// copy), see which exist with their scopes and when each was last used, and revoke one. The
// secret is never fetched again: the server keeps only its hash.
import { API_TOKEN_SCOPES, type ApiTokenScope } from "@fivefold/domain";
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { ApiToken } from "./types";

const SCOPE_LABELS: Record<ApiTokenScope, string> = {
  scim: "SCIM provisioning (creates, changes and deactivates people and teams)",
  "people:read": "Read people",
  "cycles:read": "Read cycles",
  "cycles:write": "Launch and change cycles",
  "analytics:read": "Read the organisation view",
};

const when = (iso: string | null) => (iso ? formatDateTime(iso) : "never");

export function ApiTokensCard() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions());
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          API tokens
        </Title>
        <Text size="sm" c="dimmed">
          Other systems call Fivefold with a token: an identity provider keeps people and teams in step
          through SCIM (docs/deploy.md), scripts read through the API. A token acts for the whole organisation
          within its scopes; give each system its own, and revoke it when that system is retired.
        </Text>
        <CreateToken />
        {tokens.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(tokens.error)}
          </Alert>
        ) : null}
        {tokens.data && tokens.data.length > 0 ? <TokenTable tokens={tokens.data} /> : null}
        {tokens.data?.length === 0 ? <Text size="sm">No tokens yet.</Text> : null}
      </Stack>
    </Card>
  );
}

function CreateToken() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["scim"]);
  /** A day (yyyy-mm-dd) or empty: the token then stops at the start of that day, UTC. */
  const [expiresOn, setExpiresOn] = useState("");
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        await invalidate.apiTokensChanged();
      },
    }),
  );
  const fields = (create.error?.data as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  return (
    <Stack gap="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({
            name,
            scopes: scopes as ApiTokenScope[],
            ...(expiresOn ? { expiresAt: `${expiresOn}T00:00:00Z` } : {}),
          });
        }}
      >
        <Stack gap="xs">
          <TextInput
            label="New token's name"
            description="The system that will use it, e.g. Okta or Entra ID"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fields.name}
            maxLength={80}
          />
          <Checkbox.Group label="Scopes" value={scopes} onChange={setScopes} error={fields.scopes}>
            <Stack gap={4} mt={4}>
              {API_TOKEN_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={`${scope}: ${SCOPE_LABELS[scope]}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="date"
            label="Expires on (optional)"
            description="From the start of this day (UTC) the token is refused; empty: until revoked"
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={fields.expiresAt}
          />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
      {create.isError ? (
        <Alert color="red" role="alert" title="No token created">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      {create.data ? (
        <NewSecret
          name={create.data.token.name}
          secret={create.data.secret}
          onStored={() => create.reset()}
        />
      ) : null}
    </Stack>
  );
}

/** The one time the secret is shown: to copy, then gone. */
function NewSecret(props: { name: string; secret: string; onStored: () => void }) {
  return (
    <Alert color="green" role="status" title={`Token "${props.name}" created`}>
      <Stack gap="xs">
        <Text size="sm">
          Copy it now: it is shown only this once, and Fivefold keeps only a fingerprint of it.
        </Text>
        <Code block data-testid="new-api-token">
          {props.secret}
        </Code>
        <Group>
          <CopyButton value={props.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? "Copied" : "Copy token"}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={props.onStored}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({ onSuccess: () => invalidate.apiTokensChanged() }),
  );
  return (
    <Table.Tr>
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Badge key={scope} variant="light" size="sm">
              {scope}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {when(token.createdAt)}
          {token.createdBy ? ` by ${token.createdBy.name}` : ""}
          {token.expiresAt ? `; expires ${when(token.expiresAt)}` : ""}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(token.lastUsedAt)}</Text>
      </Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray">Revoked {when(token.revokedAt)}</Badge>
        ) : token.expiresAt && Date.parse(token.expiresAt) <= Date.now() ? (
          <Badge color="gray">Expired {when(token.expiresAt)}</Badge>
        ) : confirming ? (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ tokenId: token.id })}
            >
              Revoke now
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        )}
        {revoke.isError ? (
          <Text size="xs" c="red" role="alert">
            {errorMessage(revoke.error)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
