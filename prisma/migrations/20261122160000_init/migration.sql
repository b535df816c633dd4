-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DPS', 'BUP', 'TSB');

-- CreateEnum
CREATE TYPE "CareSetting" AS ENUM ('POLIKLINIKK', 'DOGN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLINICIAN', 'COORDINATOR', 'LEADER', 'ADMIN');

-- CreateEnum
CREATE TYPE "PathwayType" AS ENUM ('D01', 'D11', 'D12', 'D06', 'D07', 'D08', 'D09');

-- CreateEnum
CREATE TYPE "PathwayStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGOUT', 'PATIENT_VIEWED', 'PATIENT_CREATED', 'PATIENT_LIST_VIEWED', 'PATHWAY_VIEWED', 'PATHWAY_CREATED', 'PATHWAY_UPDATED', 'PATHWAY_ASSIGNED', 'EVENT_CREATED', 'EVENT_ANNULLED', 'REFERRAL_CREATED', 'NOTICE_EXPLAINED', 'WORKLIST_VIEWED', 'REPORT_VIEWED', 'EXPORT_DOWNLOADED');

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "setting" "CareSetting" NOT NULL,
    "healthTrust" TEXT NOT NULL,
    "pathwayTypes" "PathwayType"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserUnit" (
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "UserUnit_pkey" PRIMARY KEY ("userId","unitId")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "nationalId" CHAR(11) NOT NULL,
    "name" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "receivedDate" DATE NOT NULL,
    "referrerName" TEXT NOT NULL,
    "referrerHpr" TEXT,
    "assessedDate" DATE,
    "rightToCare" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pathway" (
    "id" TEXT NOT NULL,
    "type" "PathwayType" NOT NULL,
    "setting" "CareSetting" NOT NULL,
    "unitId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "responsibleClinicianId" TEXT,
    "coordinatorId" TEXT,
    "openedDate" DATE NOT NULL,
    "closedDate" DATE,
    "status" "PathwayStatus" NOT NULL DEFAULT 'OPEN',
    "directTreatmentRight" BOOLEAN NOT NULL DEFAULT false,
    "severe" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "phase" TEXT,
    "nextDeadlineKind" TEXT,
    "nextDeadlineDue" DATE,
    "noticeCount" INTEGER NOT NULL DEFAULT 0,
    "lastEventDate" DATE,
    "derivedOn" DATE,

    CONSTRAINT "Pathway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayEvent" (
    "id" TEXT NOT NULL,
    "pathwayId" TEXT NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "outcome" VARCHAR(2),
    "activityCode" VARCHAR(20),
    "clinicalDate" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT NOT NULL,
    "justification" TEXT,
    "idempotencyKey" TEXT,
    "annulledAt" TIMESTAMPTZ(3),
    "annulledById" TEXT,
    "annulReason" TEXT,
    "replacesId" TEXT,

    CONSTRAINT "PathwayEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" "AuditAction" NOT NULL,
    "patientId" TEXT,
    "pathwayId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserUnit_unitId_idx" ON "UserUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_nationalId_key" ON "Patient"("nationalId");

-- CreateIndex
CREATE INDEX "Referral_unitId_receivedDate_idx" ON "Referral"("unitId", "receivedDate");

-- CreateIndex
CREATE INDEX "Referral_patientId_idx" ON "Referral"("patientId");

-- CreateIndex
CREATE INDEX "Pathway_unitId_status_nextDeadlineDue_idx" ON "Pathway"("unitId", "status", "nextDeadlineDue");

-- CreateIndex
CREATE INDEX "Pathway_responsibleClinicianId_status_nextDeadlineDue_idx" ON "Pathway"("responsibleClinicianId", "status", "nextDeadlineDue");

-- CreateIndex
CREATE INDEX "Pathway_patientId_type_status_idx" ON "Pathway"("patientId", "type", "status");

-- CreateIndex
CREATE INDEX "Pathway_unitId_openedDate_idx" ON "Pathway"("unitId", "openedDate");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayEvent_replacesId_key" ON "PathwayEvent"("replacesId");

-- CreateIndex
CREATE INDEX "PathwayEvent_pathwayId_clinicalDate_idx" ON "PathwayEvent"("pathwayId", "clinicalDate");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayEvent_pathwayId_idempotencyKey_key" ON "PathwayEvent"("pathwayId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_at_idx" ON "AuditEvent"("patientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_pathwayId_at_idx" ON "AuditEvent"("pathwayId", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_responsibleClinicianId_fkey" FOREIGN KEY ("responsibleClinicianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_annulledById_fkey" FOREIGN KEY ("annulledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "PathwayEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_pathwayId_fkey" FOREIGN KEY ("pathwayId") REFERENCES "Pathway"("id") ON DELETE SET NULL ON UPDATE CASCADE;

