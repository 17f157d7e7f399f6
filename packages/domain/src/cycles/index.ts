export * from "./access";
export * from "./analytics";
export * from "./phases";
export * from "./preflight";
export * from "./rules";
