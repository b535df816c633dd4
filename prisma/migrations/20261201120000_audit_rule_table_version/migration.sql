-- Rule tables (issue 18): an administrator's new version of a rule table is audited.
ALTER TYPE "AuditAction" ADD VALUE 'RULE_TABLE_VERSION_ADDED';
