-- Personvern (issue 18): the privacy and security officer reviews the audit
-- log and sees no clinical pages. Administrators no longer read the log.
ALTER TYPE "Role" ADD VALUE 'PRIVACY_OFFICER';
