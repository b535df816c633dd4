-- Outcomes of H, S, U and X are 1-3 letters or digits (issue 14, domain.md
-- decided readings), so an event's outcome widens from two characters to three.
-- Widening a varchar changes no stored row (no row trigger fires).
ALTER TABLE "PathwayEvent" ALTER COLUMN "outcome" TYPE VARCHAR(3);
