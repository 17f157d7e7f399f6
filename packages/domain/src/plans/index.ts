export * from "./catalogue";
export * from "./circle";
export * from "./focus";
export * from "./generate";
export * from "./matching";
export * from "./schedule";
