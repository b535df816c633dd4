-- Varsler (issue 20): the notifications page is audited like the other lists.
ALTER TYPE "AuditAction" ADD VALUE 'NOTIFICATIONS_VIEWED';
