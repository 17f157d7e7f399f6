// The typed tRPC client for the API (types only: the web never imports server code at run time).
import type { AppRouter } from "@fivefold/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeQueryClient(): QueryClient {
  // No global refetch after mutations: each one invalidates what it changes (lib/invalidate.ts), so
  // saving a draft or a plan never refetches every query on screen.
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
      },
    },
  });
}

/** Reads the server answers with an ETag (a released report): sent alone, so the browser revalidates them. */
const REVALIDATED = new Set(["reports.get"]);

export function makeTrpcClient() {
  const fetchWithCookies: typeof fetch = (url, init) => fetch(url, { ...init, credentials: "include" });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "query" && REVALIDATED.has(op.path),
        true: httpLink({ url: "/trpc", fetch: fetchWithCookies }),
        false: httpBatchLink({ url: "/trpc", fetch: fetchWithCookies }),
      }),
    ],
  });
}

/** Errors the server meant (4xx): retrying will not help. */
export function isClientError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 500;
  return status >= 400 && status < 500;
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}
