// Sign in with e-mail and password (Better Auth). Errors are shown beside the form.
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

export function SignInPage() {
  const form = useForm({ initialValues: { email: "", password: "" } });
  const { email, password } = form.values;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();

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
            {error ? (
              <Alert color="red" role="alert" title="Sign-in failed">
                {error}
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
