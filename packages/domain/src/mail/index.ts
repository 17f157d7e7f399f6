export * from "./delivery";
