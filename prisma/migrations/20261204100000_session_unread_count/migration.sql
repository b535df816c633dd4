-- The header's "Varsler (n)" was counted on every page view (up to five
-- statements). The session row keeps the last count and its time, reused for
-- a minute, and a generation raised by the user's read marks and horizon
-- changes, so that a count made before one of those is never stored.
ALTER TABLE "UserSession" ADD COLUMN "unreadCount" INTEGER,
  ADD COLUMN "unreadCountAt" TIMESTAMPTZ(3),
  ADD COLUMN "unreadGeneration" INTEGER NOT NULL DEFAULT 0;
