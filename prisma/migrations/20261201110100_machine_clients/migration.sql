-- Machine clients (issue 18): API access for the patient record system (EPJ)
-- by bearer token within scopes and units. Only the token's SHA-256 is kept.
-- Audit rows of a client's calls name the client (clientId) and no user.
CREATE TABLE "MachineClient" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "principalUserId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MachineClient_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MachineClient_tokenId_key" ON "MachineClient"("tokenId");
CREATE UNIQUE INDEX "MachineClient_principalUserId_key" ON "MachineClient"("principalUserId");

ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_principalUserId_fkey" FOREIGN KEY ("principalUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MachineClient" ADD CONSTRAINT "MachineClient_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "MachineClientUnit" (
    "clientId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "MachineClientUnit_pkey" PRIMARY KEY ("clientId","unitId")
);

CREATE INDEX "MachineClientUnit_unitId_idx" ON "MachineClientUnit"("unitId");

ALTER TABLE "MachineClientUnit" ADD CONSTRAINT "MachineClientUnit_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MachineClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MachineClientUnit" ADD CONSTRAINT "MachineClientUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "AuditEvent" ADD COLUMN "clientId" TEXT;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "MachineClient"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
CREATE INDEX "AuditEvent_clientId_at_idx" ON "AuditEvent"("clientId", "at");

CREATE TABLE "ApiClientRateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "ApiClientRateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "ApiClientRateLimit_expire_idx" ON "ApiClientRateLimit"("expire");
