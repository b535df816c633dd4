-- The audit review reads periods of the whole log (patterns, a search by
-- period or action alone). Rows are appended in time order and never change,
-- so a BRIN index on "at" finds a period's pages for a few kilobytes of index
-- and almost no cost per insert (a B-tree would add one more index write to
-- every request).
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent" USING BRIN ("at");
