export * from "./anonymity";
export * from "./directory";
export * from "./grow";
export * from "./membership";
export * from "./organisations";
export * from "./people";
export * from "./sealed-storage";
