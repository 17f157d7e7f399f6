export * from "./chat";
export * from "./delivery";
