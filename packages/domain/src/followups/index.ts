export * from "./thank-you";
