import type { Operation } from "./operation";
import { openApiOperation } from "./openapi.operation";
import { annulEventOperation } from "@/server/events/annul.operation";
import { registerEventOperation } from "@/server/events/register.operation";
import { assignClinicianOperation } from "@/server/pathways/assign.operation";
import { pathwayDetailOperation } from "@/server/pathways/detail.operation";
import { listPathwaysOperation } from "@/server/pathways/list.operation";
import { explainNoticeOperation } from "@/server/worklist/explain.operation";
import { listWorklistOperation } from "@/server/worklist/list.operation";
import { postponeItemOperation } from "@/server/worklist/postpone.operation";
import { undoPostponementOperation } from "@/server/worklist/undo-postponement.operation";
import { bulkAssignOperation } from "@/server/worklist/assign.operation";
import { ensurePatientOperation } from "@/server/patients/ensure.operation";
import { assessReferralOperation } from "@/server/referrals/assess.operation";
import { correctAssessmentOperation } from "@/server/referrals/correct.operation";
import { listReferralsOperation } from "@/server/referrals/list.operation";
import { registerReferralOperation } from "@/server/referrals/register.operation";
import { healthOperation } from "@/server/health.operation";
import { createClientOperation } from "@/server/clients/create.operation";
import { listClientsOperation } from "@/server/clients/list.operation";
import { revokeClientOperation } from "@/server/clients/revoke.operation";
import { listAdminUsersOperation } from "@/server/admin/users/list.operation";
import { createAdminUserOperation } from "@/server/admin/users/create.operation";
import { updateAdminUserOperation } from "@/server/admin/users/update.operation";
import { listAdminUnitsOperation } from "@/server/admin/units/list.operation";
import { createAdminUnitOperation } from "@/server/admin/units/create.operation";
import { startImportOperation } from "@/server/epj-import/start.operation";
import { importJobOperation } from "@/server/epj-import/detail.operation";

// Every API operation, in the document's order. A route under app/api without
// its operation here fails tests/integration/api-operations.integration.test.ts.
export const API_OPERATIONS: readonly Operation[] = [
  listPathwaysOperation,
  pathwayDetailOperation,
  registerEventOperation,
  assignClinicianOperation,
  annulEventOperation,
  listWorklistOperation,
  explainNoticeOperation,
  postponeItemOperation,
  undoPostponementOperation,
  bulkAssignOperation,
  ensurePatientOperation,
  listReferralsOperation,
  registerReferralOperation,
  assessReferralOperation,
  correctAssessmentOperation,
  startImportOperation,
  importJobOperation,
  listClientsOperation,
  createClientOperation,
  revokeClientOperation,
  listAdminUsersOperation,
  createAdminUserOperation,
  updateAdminUserOperation,
  listAdminUnitsOperation,
  createAdminUnitOperation,
  openApiOperation,
  healthOperation,
];
