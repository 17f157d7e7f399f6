// Setting up data for journeys over the public HTTP API, signed in as real demo people, so a
// journey can start from "a report was released" without clicking through the collect journey.
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

export interface Api {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutate<T>(path: string, input: unknown): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiAs(baseURL: string, email: string): Promise<Api> {
  // A browser sends its page's Origin with every POST; the API refuses writes with a session
  // cookie from anywhere else (docs/security.md).
  const context: APIRequestContext = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL).origin },
  });
  const signIn = await context.post("/api/auth/sign-in/email", {
    data: { email, password: DEMO_PASSWORD },
  });
  if (!signIn.ok()) throw new Error(`sign-in as ${email} failed: ${signIn.status()}`);
  const unwrap = async <T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, path: string) => {
    const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (!response.ok() || !body.result)
      throw new Error(`${path} failed: ${body.error?.message ?? response.status()}`);
    return body.result.data;
  };
  return {
    async query<T>(path: string, input?: unknown) {
      const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return unwrap<T>(await context.get(`/trpc/${path}${query}`), path);
    },
    async mutate<T>(path: string, input: unknown) {
      return unwrap<T>(await context.post(`/trpc/${path}`, { data: input }), path);
    },
    dispose: () => context.dispose(),
  };
}

interface Person {
  id: string;
  email: string;
  name: string;
}

export interface RaterPlan {
  email: string;
  group: "self" | "manager" | "peer" | "direct_report" | "other";
  /** Score per item id (1–5 or null for "not observed"). */
  score: (itemId: string) => number | null;
  comments?: Array<{ dimension: string; text: string }>;
}

/** A manager requests feedback on a subject, every rater answers, the manager closes: released. */
export async function releaseReport(
  baseURL: string,
  input: { managerEmail: string; subjectEmail: string; raters: RaterPlan[] },
): Promise<string> {
  const manager = await apiAs(baseURL, input.managerEmail);
  try {
    // The demo organisation has more people than a page: ask for these ones by address.
    const emails = [input.subjectEmail, ...input.raters.map((r) => r.email)];
    const people = (await manager.query<{ people: Person[] }>("people.list", { emails, limit: 100 })).people;
    const byEmail = new Map(people.map((p) => [p.email, p]));
    const subject = byEmail.get(input.subjectEmail);
    if (!subject) throw new Error(`no person ${input.subjectEmail}`);
    const { id: requestId } = await manager.mutate<{ id: string }>("requests.create", {
      subjectId: subject.id,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: input.raters
        .filter((r) => r.group !== "self")
        .map((r) => ({ personId: byEmail.get(r.email)?.id, group: r.group })),
    });
    for (const rater of input.raters) {
      const api = await apiAs(baseURL, rater.email);
      try {
        const inbox = await api.query<Array<{ invitationId: string; requestId: string }>>("inbox.list");
        const invitation = inbox.find((i) => i.requestId === requestId);
        if (!invitation) throw new Error(`${rater.email} was not invited`);
        // The questionnaire the request froze (an admin may publish another meanwhile).
        const { instrument } = await api.query<{
          instrument: { dimensions: Array<{ items: Array<{ id: string }> }> };
        }>("responses.get", { invitationId: invitation.invitationId });
        const itemIds = instrument.dimensions.flatMap((d) => d.items.map((i) => i.id));
        await api.mutate("responses.submit", {
          invitationId: invitation.invitationId,
          answers: itemIds.map((itemId) => ({ itemId, score: rater.score(itemId) })),
          comments: rater.comments ?? [],
        });
      } finally {
        await api.dispose();
      }
    }
    await manager.mutate("requests.close", { requestId });
    return requestId;
  } finally {
    await manager.dispose();
  }
}

/** A rater answers their invitation to `requestId` through the API: every item scored `score`. */
export async function answerAs(baseURL: string, email: string, requestId: string, score = 4): Promise<void> {
  const api = await apiAs(baseURL, email);
  try {
    const inbox = await api.query<Array<{ invitationId: string; requestId: string }>>("inbox.list");
    const invitation = inbox.find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${email} was not invited`);
    // The questionnaire the request froze (the organisation may have published another since).
    const { instrument } = await api.query<{
      instrument: { dimensions: Array<{ items: Array<{ id: string }> }> };
    }>("responses.get", { invitationId: invitation.invitationId });
    await api.mutate("responses.submit", {
      invitationId: invitation.invitationId,
      answers: instrument.dimensions.flatMap((d) => d.items.map((item) => ({ itemId: item.id, score }))),
    });
  } finally {
    await api.dispose();
  }
}
