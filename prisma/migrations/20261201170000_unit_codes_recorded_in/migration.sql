-- Which system holds a unit's pathway codes (issue 19): the patient record system (EPJ) or Forløpsvakt.
CREATE TYPE "CodesRecordedIn" AS ENUM ('EPJ', 'FORLOPSVAKT');
ALTER TABLE "Unit" ADD COLUMN "codesRecordedIn" "CodesRecordedIn" NOT NULL DEFAULT 'FORLOPSVAKT';
