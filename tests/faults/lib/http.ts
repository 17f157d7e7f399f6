// tRPC over plain HTTP, as any client calls it, with a deadline per call: a call that does not
// answer in time is a hang, which the fault scenarios must never see.
export interface CallResult<T = unknown> {
  ok: boolean;
  status: number;
  /** The tRPC error code (CONFLICT, …), a network error's name, or "TIMEOUT". */
  code: string | null;
  path: string;
  data: T | null;
  ms: number;
}

export async function call<T = unknown>(
  base: string,
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; timeoutMs?: number; cookie?: string } = {},
): Promise<CallResult<T>> {
  const method = options.method ?? "POST";
  const started = performance.now();
  const url =
    method === "GET"
      ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${base}/trpc/${path}`;
  try {
    const response = await fetch(url, {
      method,
      headers: {
        ...(method === "POST" ? { "content-type": "application/json" } : {}),
        // A write with a session must say where it comes from, as a browser does (docs/security.md).
        ...(options.cookie ? { cookie: options.cookie, origin: base } : {}),
      },
      body: method === "POST" ? JSON.stringify(input) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: { result?: { data: T }; error?: { data?: { code?: string } } } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // A proxy's or fastify's own error page.
    }
    return {
      ok: response.ok && body.result !== undefined,
      status: response.status,
      code: response.ok ? null : (body.error?.data?.code ?? `HTTP_${response.status}`),
      data: body.result?.data ?? null,
      ms: performance.now() - started,
      path,
    };
  } catch (error) {
    const name = (error as { name?: string }).name;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      status: 0,
      code: name === "TimeoutError" ? "TIMEOUT" : (cause ?? name ?? "NETWORK"),
      data: null,
      ms: performance.now() - started,
      path,
    };
  }
}

/** A real sign-in through Better Auth (Node's fetch must send an Origin); returns the cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0] ?? "";
}
