-- Login limits (issue 13, item 1): an audit action for attempts refused by a
-- limit, the counters of rate-limiter-flexible (its own table layout, created
-- here rather than by the library at runtime), and an index for deleting
-- login attempts older than 30 days. LoginAttempt is no longer counted by
-- address, so its (ip, at) index goes.
ALTER TYPE "AuditAction" ADD VALUE 'LOGIN_RATE_LIMITED' AFTER 'LOGIN_FAILED';

CREATE TABLE "LoginRateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "LoginRateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "LoginRateLimit_expire_idx" ON "LoginRateLimit"("expire");

DROP INDEX "LoginAttempt_ip_at_idx";

CREATE INDEX "LoginAttempt_at_idx" ON "LoginAttempt"("at");
