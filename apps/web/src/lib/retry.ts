// Sending again what may not have arrived: after a network error, a server error (5xx) or no
// answer within a deadline, the same call is repeated, with a pause that grows, a few times. Only
// for calls that are safe to repeat, such as a submit carrying its idempotency key (the server
// answers a repeat as it did the first).
import { isClientError } from "./trpc";

export const RETRY_PAUSES_MS = [500, 1_500, 3_000];
/** An attempt that has no answer by then is given up (a connection lost with a server process). */
export const ATTEMPT_TIMEOUT_MS = 20_000;

export async function withRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: { pausesMs?: number[]; attemptTimeoutMs?: number; onRetry?: (attempt: number) => void } = {},
): Promise<T> {
  const pauses = options.pausesMs ?? RETRY_PAUSES_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(AbortSignal.timeout(options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS));
    } catch (error) {
      // A 4xx is the server's considered answer (already submitted, closed, invalid): final.
      if (isClientError(error) || attempt >= pauses.length) throw error;
      options.onRetry?.(attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, pauses[attempt]));
    }
  }
}
