// Sending again what may not have arrived: after a network error or a server error (5xx) the same
// call is repeated, with a pause that grows, a few times. Only for calls that are safe to repeat,
// such as a submit carrying its idempotency key (the server answers a repeat as it did the first).
import { isClientError } from "./trpc";

export const RETRY_PAUSES_MS = [500, 1_500, 3_000];

export async function withRetries<T>(
  call: () => Promise<T>,
  options: { pausesMs?: number[]; onRetry?: (attempt: number) => void } = {},
): Promise<T> {
  const pauses = options.pausesMs ?? RETRY_PAUSES_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      // A 4xx is the server's considered answer (already submitted, closed, invalid): final.
      if (isClientError(error) || attempt >= pauses.length) throw error;
      options.onRetry?.(attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, pauses[attempt]));
    }
  }
}
