export { aggregate } from "./aggregate";
export { MIN_THRESHOLD } from "./normalise";
export { type AnonymousUnit, poolGroups } from "./pooling";
export { hashSeed, mulberry32, seededShuffle } from "./prng";
export * from "./snapshot-schema";
export * from "./types";
