// The EPJ extract format: columns and the one reader (check CLI, import).
export * from "./columns";
export * from "./read";
