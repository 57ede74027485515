export * from "./library";
