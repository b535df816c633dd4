// The EPJ extract format: columns, the one reader (check CLI, import) and the one writer (export).
export * from "./columns";
export * from "./read";
export * from "./write";
