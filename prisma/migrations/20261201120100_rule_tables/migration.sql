-- Rule tables as versioned rows (issue 18): durations per pathway type and
-- setting, event letters, the outcome lists of H, S, U and X, and the
-- worklist's local thresholds. A version is never changed or removed: the
-- trigger refuses UPDATE, DELETE and TRUNCATE whatever role writes (the
-- function of the audit log's trigger). A change is a new version with its
-- effective date, source and reason. The rows below are the built-in tables
-- of src/domain/rules (the same values: behaviour is unchanged).
-- No semicolons in comments or values: the runner splits on them.

CREATE TYPE "RuleTableKind" AS ENUM ('DURATION', 'EVENT_LETTER', 'OUTCOME_LIST', 'WORKLIST');

CREATE TABLE "RuleTableVersion" (
    "id" BIGSERIAL NOT NULL,
    "kind" "RuleTableKind" NOT NULL,
    "key" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "value" JSONB NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RuleTableVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RuleTableVersion_source_present" CHECK (length(btrim("source")) > 0),
    CONSTRAINT "RuleTableVersion_reason_present" CHECK (length(btrim("reason")) > 0)
);

CREATE INDEX "RuleTableVersion_kind_key_effectiveFrom_idx" ON "RuleTableVersion"("kind", "key", "effectiveFrom");

ALTER TABLE "RuleTableVersion" ADD CONSTRAINT "RuleTableVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TRIGGER "RuleTableVersion_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "RuleTableVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION forlopsvakt_refuse_change();

CREATE TABLE "RuleRecompute" (
    "id" BIGSERIAL NOT NULL,
    "versionId" BIGINT NOT NULL,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "pathways" INTEGER,
    "failure" TEXT,
    CONSTRAINT "RuleRecompute_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RuleRecompute_finishedAt_idx" ON "RuleRecompute"("finishedAt");

ALTER TABLE "RuleRecompute" ADD CONSTRAINT "RuleRecompute_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

INSERT INTO "RuleTableVersion" ("kind", "key", "effectiveFrom", "value", "confirmed", "source", "reason") VALUES
  ('DURATION', 'D11:poliklinikk', '2019-01-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D11:dogn', '2019-01-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":["basisAssessment","extendedAssessment","firstEvaluation","evaluation"]}'::jsonb, false, 'Lokal standard (domain.md: ikke bekreftet i kildene)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D12:poliklinikk', '2019-01-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D12:dogn', '2019-01-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":["basisAssessment","extendedAssessment","firstEvaluation","evaluation"]}'::jsonb, false, 'Lokal standard (domain.md: ikke bekreftet i kildene)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D12:poliklinikk', '2022-03-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":[],"note":"Kapittel om utredning av ADHD og andre nevroutviklingsforstyrrelser"}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D12:dogn', '2022-03-01', '{"durations":{"basisAssessment":42,"extendedAssessment":42,"firstEvaluation":84,"evaluation":84},"unconfirmed":["basisAssessment","extendedAssessment","firstEvaluation","evaluation"],"note":"Kapittel om utredning av ADHD og andre nevroutviklingsforstyrrelser"}'::jsonb, false, 'Lokal standard (domain.md: ikke bekreftet i kildene)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D01:poliklinikk', '2019-01-01', '{"durations":{"basisAssessment":21,"firstEvaluation":7,"evaluation":56},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D01:dogn', '2019-01-01', '{"durations":{"basisAssessment":7,"firstEvaluation":7,"evaluation":42},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D07:poliklinikk', '2019-02-15', '{"durations":{"firstAttendance":42,"basisAssessment":56},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D07:dogn', '2019-02-15', '{"durations":{"firstAttendance":42,"basisAssessment":56},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D08:poliklinikk', '2019-02-15', '{"durations":{"firstAttendance":28,"firstAttendanceSevere":7,"basisAssessment":42,"firstEvaluation":28,"evaluation":42},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D08:dogn', '2019-02-15', '{"durations":{"basisAssessment":14,"firstEvaluation":14,"evaluation":14},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D09:poliklinikk', '2019-10-02', '{"durations":{"basisAssessment":7,"firstEvaluation":14,"evaluation":42},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D09:dogn', '2019-10-02', '{"durations":{"basisAssessment":7,"firstEvaluation":7,"evaluation":42},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D06:poliklinikk', '2019-02-15', '{"durations":{"firstAttendance":7},"unconfirmed":[],"note":"Henvisning → første konsultasjon, helst innen 7 dager"}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('DURATION', 'D06:dogn', '2019-02-15', '{"durations":{},"unconfirmed":[]}'::jsonb, true, 'Helsedirektoratet: Pakkeforløp psykisk helse og rus, forløpstider', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'A', '2019-01-01', '{"label":"Pakkeforløp start"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'M', '2019-01-01', '{"label":"Første frammøte"}'::jsonb, true, 'NPR: hendelseskoder for pakkeforløp (OID 9322)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'C', '2019-01-01', '{"label":"Klinisk beslutning"}'::jsonb, true, 'NPR: hendelseskoder for pakkeforløp (OID 9322)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'E', '2019-01-01', '{"label":"Evalueringspunkt"}'::jsonb, true, 'NPR: hendelseskoder for pakkeforløp (OID 9322)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'F', '2019-01-01', '{"label":"Tilbakemelding til henviser og fastlege sendt"}'::jsonb, true, 'NPR: hendelseskoder for pakkeforløp (OID 9322)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'L', '2019-01-01', '{"label":"Pasientutsatt"}'::jsonb, true, 'NPR: hendelseskoder for pakkeforløp (OID 9322)', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'X', '2019-01-01', '{"label":"Avslutning av pakkeforløp"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'H', '2019-01-01', '{"label":"Hjelpebehov ved avslutning"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'S', '2019-01-01', '{"label":"Samarbeidsmøte med relevante instanser"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'U', '2019-01-01', '{"label":"Utført aktivitet"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'R', '2019-01-01', '{"label":"Avrusning avsluttet"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'P', '2019-01-01', '{"label":"Start på symptomer på psykose"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('EVENT_LETTER', 'O', '2019-01-01', '{"label":"OCD-behandling avsluttet"}'::jsonb, false, 'Lokal standard: bokstaven er ikke bekreftet i kildene', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('OUTCOME_LIST', 'H', '2019-01-01', '{"values":null}'::jsonb, false, 'Lokal lesning (domain.md): ingen offisiell liste i kildene, 1–3 bokstaver eller sifre', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('OUTCOME_LIST', 'S', '2019-01-01', '{"values":null}'::jsonb, false, 'Lokal lesning (domain.md): ingen offisiell liste i kildene, 1–3 bokstaver eller sifre', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('OUTCOME_LIST', 'U', '2019-01-01', '{"values":null,"suggestions":[{"code":"BP","label":"Behandlingsplan utarbeidet sammen med pasienten"},{"code":"IB","label":"Informert om behandlingsalternativer"},{"code":"TV","label":"Tilbakemeldingsverktøy brukt"},{"code":"PE","label":"Psykoedukasjon"},{"code":"SV","label":"Vurdering av selvmordsrisiko"},{"code":"KI","label":"Strukturert kartleggingsinstrument brukt"}]}'::jsonb, false, 'Lokal lesning (domain.md): ingen offisiell liste i kildene, 1–3 bokstaver eller sifre', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('OUTCOME_LIST', 'X', '2019-01-01', '{"values":null}'::jsonb, false, 'Lokal lesning (domain.md): ingen offisiell liste i kildene, 1–3 bokstaver eller sifre', 'Innebygd tabell, overført da regeltabellene ble versjonert'),
  ('WORKLIST', 'worklist', '2019-01-01', '{"feedbackDays":14,"closeAfterDecisionDays":14,"firstAttendanceGraceDays":28,"inactivityDays":60}'::jsonb, false, 'Lokale regler for arbeidslisten (ikke nasjonale normer)', 'Innebygd tabell, overført da regeltabellene ble versjonert')
