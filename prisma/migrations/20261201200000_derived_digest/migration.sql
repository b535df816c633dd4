-- A digest of each pathway's derived data as the rules engine last wrote it
-- (columns, worklist rows, deadline rows, notices): the nightly recompute
-- writes nothing for a pathway whose fresh digest equals it. NULL: unknown
-- (written by another path), compared row by row.
ALTER TABLE "Pathway" ADD COLUMN "derivedDigest" TEXT;
