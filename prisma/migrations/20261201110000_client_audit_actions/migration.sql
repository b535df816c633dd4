-- Machine clients (issue 18): the audit actions of their calls and of their
-- creation and revocation by an administrator.
ALTER TYPE "AuditAction" ADD VALUE 'CLIENT_API_CALL';
ALTER TYPE "AuditAction" ADD VALUE 'CLIENT_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'CLIENT_REVOKED';
