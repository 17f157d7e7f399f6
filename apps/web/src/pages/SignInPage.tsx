// Sign in with e-mail and password (Better Auth), or through the organisation's identity provider
// ("Sign in with your company account", /api/auth/sso/start). Errors are shown beside the form.
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient } from "../lib/auth-client";

function signInError(error: { status: number; message?: string }): string {
  if (error.status === 401) return "That e-mail and password do not match. Check both and try again.";
  if (error.status === 429) return "Too many attempts. Wait a few seconds and try again.";
  return error.message ?? "Sign-in failed. Try again.";
}

const SSO_REFUSALS: Record<string, string> = {
  "other-domain": "Your company account is for an address your organisation's provider does not cover.",
  "no-person": "Your organisation has no one with that address in Fivefold. Ask your Fivefold admin.",
  "unverified-email": "Your company account's e-mail address is not verified by your identity provider.",
  failed: "Signing in with your company account did not work. Try again.",
};

async function startCompanySignIn(email: string): Promise<string> {
  const response = await fetch("/api/auth/sso/start", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  if (response.ok) {
    window.location.assign(((await response.json()) as { url: string }).url);
    return "";
  }
  if (response.status === 404) return "Your organisation does not sign in through a company account.";
  if (response.status === 429) return "Too many attempts. Wait a few seconds and try again.";
  return "Signing in with your company account did not start. Try again.";
}

export function SignInPage() {
  const form = useForm({ initialValues: { email: "", password: "" } });
  const { email, password } = form.values;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const ssoRefusal = SSO_REFUSALS[params.get("sso") ?? ""] ?? null;
  const company = async () => {
    setError(null);
    setPending(true);
    const problem = await startCompanySignIn(email.trim());
    setPending(false);
    if (problem) setError(problem);
  };

  const submit = form.onSubmit(async () => {
    setPending(true);
    setError(null);
    const result = await authClient.signIn.email({ email: email.trim(), password });
    setPending(false);
    if (result.error) {
      setError(signInError(result.error));
      return;
    }
    queryClient.clear();
    const next = params.get("next");
    navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Sign in to Fivefold
              </Title>
              <Text c="dimmed" size="sm">
                360-degree leadership feedback, anonymous by design.
              </Text>
            </div>
            {params.get("password") === "set" && !error ? (
              <Alert color="green" title="Password saved">
                Sign in with your new password.
              </Alert>
            ) : null}
            {error || ssoRefusal ? (
              <Alert color="red" role="alert" title="Sign-in failed">
                {error ?? ssoRefusal}
              </Alert>
            ) : null}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={pending} disabled={!email || !password}>
              Sign in
            </Button>
            <Button variant="default" onClick={company} disabled={!email || pending}>
              Sign in with your company account
            </Button>
            <SignInHelp />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function SignInHelp() {
  return (
    <>
      <Anchor component={Link} to="/set-password" size="sm">
        First time here, or forgot your password?
      </Anchor>
      <Text size="xs" c="dimmed">
        Trying the demo? Every Acme person signs in with the password <code>fivefold-demo</code>, for example{" "}
        <Anchor size="xs" component="span">
          admin@acme.test
        </Anchor>
        .
      </Text>
    </>
  );
}
