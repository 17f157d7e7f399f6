export * from "./items";
export * from "./perceived-change";
export * from "./scale";
