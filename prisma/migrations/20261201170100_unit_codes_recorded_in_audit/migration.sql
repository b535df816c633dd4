-- The administrator changed which system holds a unit's pathway codes (issue 19).
ALTER TYPE "AuditAction" ADD VALUE 'UNIT_CODES_RECORDED_IN_CHANGED';
