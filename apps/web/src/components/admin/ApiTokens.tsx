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
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage, fieldMessages } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { ApiToken } from "./types";

/** A moment as the token table shows it, "never" when there is none. */
function useWhen() {
  const { t } = useTranslation();
  return (iso: string | null) => (iso ? formatDateTime(iso) : t("admin:common.never"));
}

export function ApiTokensCard() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions());
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:tokens.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("admin:tokens.intro")}
        </Text>
        <CreateToken />
        {tokens.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(tokens.error)}
          </Alert>
        ) : null}
        {tokens.data && tokens.data.length > 0 ? <TokenTable tokens={tokens.data} /> : null}
        {tokens.data?.length === 0 ? <Text size="sm">{t("admin:tokens.none")}</Text> : null}
      </Stack>
    </Card>
  );
}

function CreateToken() {
  const trpc = useTRPC();
  const { t } = useTranslation();
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
  const fields = fieldMessages(create.error);
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
            label={t("admin:tokens.name")}
            description={t("admin:tokens.nameHelp")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fields.name}
            maxLength={80}
          />
          <ScopeChoice value={scopes} onChange={setScopes} error={fields.scopes} />
          <TextInput
            type="date"
            label={t("admin:tokens.expires")}
            description={t("admin:tokens.expiresHelp")}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={fields.expiresAt}
          />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
              {t("admin:tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
      {create.isError ? (
        <Alert color="red" role="alert" title={t("admin:tokens.notCreated")}>
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

/** The scopes a new token gets, each named by its code and in words (`people:read` → `people_read`). */
function ScopeChoice(props: { value: string[]; onChange: (scopes: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t("admin:tokens.scopes")} {...props}>
      <Stack gap={4} mt={4}>
        {API_TOKEN_SCOPES.map((scope) => (
          <Checkbox
            key={scope}
            value={scope}
            label={`${scope}: ${t(`admin:tokens.scope.${scope.replace(":", "_")}`)}`}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** The one time the secret is shown: to copy, then gone. */
function NewSecret(props: { name: string; secret: string; onStored: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" role="status" title={t("admin:tokens.created", { name: props.name })}>
      <Stack gap="xs">
        <Text size="sm">{t("admin:tokens.copyNow")}</Text>
        <Code block data-testid="new-api-token">
          {props.secret}
        </Code>
        <Group>
          <CopyButton value={props.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t("admin:tokens.copied") : t("admin:tokens.copy")}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={props.onStored}>
            {t("admin:tokens.stored")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin:tokens.col.name")}</Table.Th>
            <Table.Th>{t("admin:tokens.col.token")}</Table.Th>
            <Table.Th>{t("admin:tokens.col.scopes")}</Table.Th>
            <Table.Th>{t("admin:tokens.col.created")}</Table.Th>
            <Table.Th>{t("admin:tokens.col.lastUsed")}</Table.Th>
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
  const { t } = useTranslation();
  const when = useWhen();
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
          {token.createdBy ? t("admin:tokens.by", { name: token.createdBy.name }) : ""}
          {token.expiresAt ? t("admin:tokens.expiresAt", { when: when(token.expiresAt) }) : ""}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(token.lastUsedAt)}</Text>
      </Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray">{t("admin:tokens.revoked", { when: when(token.revokedAt) })}</Badge>
        ) : token.expiresAt && Date.parse(token.expiresAt) <= Date.now() ? (
          <Badge color="gray">{t("admin:tokens.expired", { when: when(token.expiresAt) })}</Badge>
        ) : confirming ? (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ tokenId: token.id })}
            >
              {t("admin:tokens.revokeNow")}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setConfirming(false)}>
              {t("admin:tokens.keep")}
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
            {t("admin:tokens.revoke")}
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
