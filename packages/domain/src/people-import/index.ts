export * from "./csv";
export * from "./loops";
export * from "./person";
export * from "./plan";
export * from "./rows";
