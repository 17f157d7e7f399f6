// parseSnapshot: a frozen snapshot reads back unchanged; anything else fails loudly, naming where.
import { describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "../instrument";
import { aggregate } from "./aggregate";
import { parseSnapshot, SnapshotParseError } from "./snapshot-schema";
import { rater, raters } from "./testing/build";

function released() {
  const result = aggregate({
    instrument: INSTRUMENT_V1,
    threshold: 3,
    seed: "request-1",
    responses: [rater("self", 4), rater("manager", 3), ...raters("peer", [2, 3, 4])],
  });
  if (result.status !== "released") throw new Error(`expected a release, got ${result.status}`);
  return result.snapshot;
}

describe("parseSnapshot", () => {
  it("reads a stored snapshot back unchanged", () => {
    const snapshot = released();
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)), "request-1")).toEqual(snapshot);
  });

  it("throws a SnapshotParseError that names the snapshot and the bad field", () => {
    const broken = { ...released(), threshold: 1 };
    expect(() => parseSnapshot(broken, "request-1")).toThrow(SnapshotParseError);
    expect(() => parseSnapshot(broken, "request-1")).toThrow(/request-1.*threshold/);
  });

  it("throws on a missing snapshot rather than returning nothing", () => {
    expect(() => parseSnapshot(null, "request-2")).toThrow(/request-2.*\(root\)/);
  });
});
