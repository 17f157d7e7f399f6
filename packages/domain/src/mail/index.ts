export * from "./delivery";
export * from "./chat";
