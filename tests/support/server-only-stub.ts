// Lets server modules be imported by integration tests outside Next's bundler.
export {};
