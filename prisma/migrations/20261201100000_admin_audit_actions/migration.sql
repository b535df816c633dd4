-- Administration (issue 18): every change to users and units is audited with
-- its before and after.
ALTER TYPE "AuditAction" ADD VALUE 'USER_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'USER_UPDATED';
ALTER TYPE "AuditAction" ADD VALUE 'USER_PASSWORD_RESET';
ALTER TYPE "AuditAction" ADD VALUE 'UNIT_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'UNIT_UPDATED';
