export * from "./metrics";
export * from "./parse";
export * from "./score";
