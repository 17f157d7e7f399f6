export { deriveReport } from "./derive";
export { itemMeansOf, keptMeans, keptTrendNote } from "./trend";
export * from "./types";
