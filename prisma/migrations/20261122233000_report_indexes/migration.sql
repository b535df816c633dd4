-- CreateIndex
CREATE INDEX "PathwayEvent_clinicalDate_idx" ON "PathwayEvent"("clinicalDate");

-- CreateIndex
CREATE INDEX "PathwayEvent_code_clinicalDate_idx" ON "PathwayEvent"("code", "clinicalDate");

