// The one place grow reads a stored snapshot: a good one comes back as it was; a bad one fails
// with a message that says what is wrong, instead of passing for "no report".
import { describe, expect, it } from "vitest";
import { parseStoredSnapshot } from "./report";

const snapshot = {
  instrumentVersion: 1,
  threshold: 3,
  commentThreshold: 3,
  groups: [],
  dimensions: [],
  comments: [],
  identifiedComments: [],
};

describe("parseStoredSnapshot", () => {
  it("returns a snapshot that matches the schema", () => {
    expect(parseStoredSnapshot(snapshot)).toEqual(snapshot);
  });

  it("throws, naming the field, when the stored JSON does not match", () => {
    expect(() => parseStoredSnapshot({ ...snapshot, threshold: "three" })).toThrow(
      /stored report snapshot does not match the snapshot schema[\s\S]*threshold/,
    );
    expect(() => parseStoredSnapshot(null)).toThrow(/does not match the snapshot schema/);
  });
});
