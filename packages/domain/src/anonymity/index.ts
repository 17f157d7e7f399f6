export { aggregate } from "./aggregate";
export { MIN_THRESHOLD } from "./normalise";
export { type AnonymousUnit, poolGroups } from "./pooling";
export { hashSeed, mulberry32, seededShuffle } from "./prng";
export { type GroupProgressCounts, type ProgressLine, progressLines } from "./progress";
export * from "./snapshot-schema";
export * from "./types";
