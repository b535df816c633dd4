export declare const RESTART_DELAY_MAX_MS: number;
export declare const HEALTHY_AFTER_MS: number;
export declare function createRestartBackoff(options?: { firstMs?: number; maxMs?: number; healthyAfterMs?: number }): {
  delayAfterCrash(livedMs: number): number;
};
