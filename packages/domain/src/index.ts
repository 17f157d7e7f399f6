export * from "./anonymity";
export * from "./answers";
export * from "./errors";
export * from "./instrument";
export * from "./lifecycle";
export * from "./plans";
export * from "./report";
export * from "./roles";
