export * from "./derive";
export * from "./extended";
export * from "./questions";
