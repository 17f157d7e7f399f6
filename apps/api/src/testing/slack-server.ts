// Test-only: a local HTTP server speaking the subset of Slack used for chat notices, so the real
// client (@slack/web-api) is exercised end to end: users.lookupByEmail, conversations.open and
// chat.postMessage under /api/, and incoming webhooks under /services/. It records every call with
// its headers and decoded body, answers like Slack (HTTP 200 with `ok`, `error` codes, 429 with
// Retry-After), and can be told to fail the next calls of a method.
import { createServer, type IncomingMessage, type Server } from "node:http";

export interface SlackCall {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

export interface SlackPost {
  /** The conversation posted to (a D… id for a direct message). */
  channel: string;
  text: string;
  metadata: unknown;
  /** Which user the conversation is with, when it is a direct message this server opened. */
  dmWith: string | null;
}

export interface FakeSlack {
  /** The Web API base to give the client: `http://127.0.0.1:<port>/api/`. */
  apiUrl: string;
  calls: SlackCall[];
  posts: SlackPost[];
  /** Bodies posted to webhooks, by path. */
  webhookPosts: Array<{ path: string; body: Record<string, unknown> }>;
  /** Addresses Slack knows, and the user id each has. */
  users: Map<string, string>;
  /** The next calls of a method answer these statuses (then the method works again). */
  failNext(method: string, ...answers: Array<{ status: number; retryAfter?: number }>): void;
  /** The bot token the server accepts (others get `invalid_auth`). */
  token: string;
  /** What conversations.open answers for a user: a DM by default; tests may make it a channel. */
  conversationFor: (userId: string) => string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) body[key] = value;
  return body;
}

export async function startFakeSlack(options: { token?: string } = {}): Promise<FakeSlack> {
  const failures = new Map<string, Array<{ status: number; retryAfter?: number }>>();
  const dms = new Map<string, string>();
  const fake: FakeSlack = {
    apiUrl: "",
    close: async () => {},
    calls: [],
    posts: [],
    webhookPosts: [],
    users: new Map(),
    token: options.token ?? "xoxb-test-token",
    failNext(method, ...answers) {
      failures.set(method, [...(failures.get(method) ?? []), ...answers]);
    },
    conversationFor: (userId) => `D${userId.slice(1)}`,
  };
  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "users.lookupByEmail": {
        const id = fake.users.get(String(body.email ?? "").toLowerCase());
        return id ? { ok: true, user: { id, is_bot: false } } : { ok: false, error: "users_not_found" };
      }
      case "conversations.open": {
        const id = fake.conversationFor(String(body.users ?? ""));
        dms.set(id, String(body.users));
        return { ok: true, channel: { id, is_im: id.startsWith("D") } };
      }
      case "chat.postMessage": {
        const channel = String(body.channel ?? "");
        const metadata = typeof body.metadata === "string" ? JSON.parse(body.metadata) : body.metadata;
        fake.posts.push({
          channel,
          text: String(body.text ?? ""),
          metadata,
          dmWith: dms.get(channel) ?? null,
        });
        return { ok: true, channel, ts: `${Date.now()}.000${fake.posts.length}` };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  };
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const body = await readBody(req);
    if (path.startsWith("/services/")) {
      fake.webhookPosts.push({ path, body });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    fake.calls.push({
      method,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      body,
    });
    const failure = failures.get(method)?.shift();
    if (failure) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
      res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error: "fault" }));
      return;
    }
    const result =
      req.headers.authorization === `Bearer ${fake.token}`
        ? answer(method, body)
        : { ok: false, error: "invalid_auth" };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : 0;
  // The very object the server reads, so a test's changes (token, users, conversationFor) apply.
  fake.apiUrl = `http://127.0.0.1:${port}/api/`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
