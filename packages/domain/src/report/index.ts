export { deriveReport } from "./derive";
export * from "./types";
