// An answer from the edge (before tRPC runs) in the shape tRPC clients read: one error per call of
// the request, an array for a batch.
import type { FastifyReply, FastifyRequest } from "fastify";

const JSON_RPC_CODES: Record<string, number> = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  TOO_MANY_REQUESTS: -32029,
};

export function sendTrpcError(
  req: FastifyRequest,
  reply: FastifyReply,
  error: { status: number; code: "BAD_REQUEST" | "FORBIDDEN" | "TOO_MANY_REQUESTS"; message: string },
): FastifyReply {
  const url = new URL(req.url, "http://fivefold.invalid");
  const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\/?/, "")).split(",");
  const one = (path: string) => ({
    error: {
      message: error.message,
      code: JSON_RPC_CODES[error.code] ?? -32600,
      data: { code: error.code, httpStatus: error.status, path, fields: null },
    },
  });
  const batch = url.searchParams.get("batch") === "1";
  return reply
    .status(error.status)
    .type("application/json")
    .send(JSON.stringify(batch ? paths.map(one) : one(paths[0] ?? "")));
}
