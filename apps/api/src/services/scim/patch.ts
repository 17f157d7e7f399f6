// SCIM PATCH (RFC 7644 §3.5.2), applied by scim-patch to the resource as it stands; the result is
// then read like a PUT, so PATCH and PUT go through the same rules. Identity providers differ in
// small ways, smoothed here first: Entra ID capitalises operations ("Replace") and sends the
// manager as a bare id; Okta replaces with a value object and no path.
import { ScimError as PatchError, type ScimPatchOperation, type ScimResource, scimPatch } from "scim-patch";
import { SCHEMA } from "./discovery";
import { ScimError, type ScimType } from "./errors";

/** More than any identity provider sends in one request. */
const MAX_OPERATIONS = 1_000;
const OPS = new Set(["add", "replace", "remove"]);
const MANAGER_PATH = `${SCHEMA.enterprise}:manager`;
const SCIM_TYPES = new Set<ScimType>([
  "invalidSyntax",
  "invalidPath",
  "noTarget",
  "invalidValue",
  "mutability",
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A bare manager id becomes `{ value }`; an extension object in a path-less value becomes its attributes. */
function normaliseValue(path: string | undefined, value: unknown): unknown {
  if (path?.toLowerCase() === MANAGER_PATH.toLowerCase() && typeof value === "string") return { value };
  if (path !== undefined || !isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === SCHEMA.enterprise && isRecord(inner)) {
      for (const [attr, v] of Object.entries(inner)) {
        result[`${SCHEMA.enterprise}:${attr}`] =
          attr === "manager" && typeof v === "string" ? { value: v } : v;
      }
    } else if (key === MANAGER_PATH && typeof inner === "string") result[key] = { value: inner };
    else result[key] = inner;
  }
  return result;
}

function operationsOf(body: unknown): ScimPatchOperation[] {
  if (!isRecord(body)) throw new ScimError(400, "The body must be a SCIM PatchOp object", "invalidSyntax");
  if (body.schemas !== undefined && !(Array.isArray(body.schemas) && body.schemas.includes(SCHEMA.patchOp))) {
    throw new ScimError(400, `schemas must include ${SCHEMA.patchOp}`, "invalidSyntax");
  }
  const ops = body.Operations ?? body.operations;
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_OPERATIONS) {
    throw new ScimError(
      400,
      `Operations must be a list of 1 to ${MAX_OPERATIONS} operations`,
      "invalidSyntax",
    );
  }
  return ops.flatMap((raw, i) => {
    if (!isRecord(raw) || typeof raw.op !== "string" || !OPS.has(raw.op.toLowerCase())) {
      throw new ScimError(
        400,
        `Operation ${i + 1} must have an op of add, replace or remove`,
        "invalidSyntax",
      );
    }
    if (raw.path !== undefined && typeof raw.path !== "string") {
      throw new ScimError(400, `Operation ${i + 1}: path must be text`, "invalidPath");
    }
    const op = raw.op.toLowerCase() as "add" | "replace" | "remove";
    const path = raw.path as string | undefined;
    if (op === "remove" && path?.toLowerCase() === "members" && Array.isArray(raw.value)) {
      return removeMembers(raw.value, i);
    }
    return {
      op,
      ...(path !== undefined ? { path } : {}),
      ...("value" in raw ? { value: normaliseValue(path, raw.value) } : {}),
    } as ScimPatchOperation;
  });
}

/**
 * Entra ID removes members with a list of values: scim-patch would compare whole member objects
 * (ours carry `display` and `$ref` too), so the list becomes a filtered path on `value`.
 */
function removeMembers(values: unknown[], i: number): ScimPatchOperation[] {
  const ids = values.map((v) => (isRecord(v) ? v.value : undefined));
  if (ids.some((id) => typeof id !== "string")) {
    throw new ScimError(400, `Operation ${i + 1}: each member to remove needs a value`, "invalidValue");
  }
  if (ids.length === 0) return [];
  const filter = ids.map((id) => `value eq ${JSON.stringify(id)}`).join(" or ");
  return [{ op: "remove", path: `members[${filter}]` }];
}

/** The resource as the patch leaves it (scim-patch types `meta` times as Dates; ours are ISO strings). */
export function applyPatch<T extends { schemas: string[]; meta: object }>(resource: T, body: unknown): T {
  const operations = operationsOf(body);
  try {
    return scimPatch(structuredClone(resource) as unknown as ScimResource, operations) as unknown as T;
  } catch (error) {
    const code = error instanceof PatchError ? (error.scimCode as ScimType | undefined) : undefined;
    const detail = error instanceof Error ? error.message : "The patch could not be applied";
    throw new ScimError(400, detail, code && SCIM_TYPES.has(code) ? code : "invalidSyntax");
  }
}
