"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { actionClient, checkedBy } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { getCurrentSession } from "@/server/auth/current-user";
import { createUnit, setUnitActive, updateUnit } from "@/server/admin/units/service";
import { codesRecordedInSchema, setCodesRecordedIn } from "@/server/units/codes-recorded-in";
import { unitBody, unitId } from "@/server/admin/units/schema";
import { createUser, resetPassword, updateUser } from "@/server/admin/users/service";
import { createUserBody, newUserLogin, updateUserBody, userId } from "@/server/admin/users/schema";

// Server actions behind the administration pages. The services do the checks,
// the transaction and the audit row; the API calls the same services. A
// generated password travels back to the administrator's page once and is
// stored nowhere in clear.

export type AdminResult = { ok: true; message: string; id?: string; password?: string | null } | ActionFailure;

const active = z.boolean({ error: "Ugyldig valg." });

export const createUserAction = actionClient("admin.users")
  .schema(z.tuple([checkedBy(createUserBody.omit({ password: true }).strict()), newUserLogin]))
  .action(async ({ actor, args: [input, login] }): Promise<AdminResult> => {
    const { id, password } = await createUser(actor, input, login);
    revalidatePath("/admin/brukere");
    return { ok: true, id, password, message: password ? "Brukeren er opprettet. Gi brukeren startpassordet under: det vises bare nå." : "Brukeren er opprettet og logger inn med enkel pålogging (SSO)." };
  });

export const updateUserAction = actionClient("admin.users")
  .schema(z.tuple([userId, checkedBy(updateUserBody.strict())]))
  .action(async ({ actor, args: [id, input] }): Promise<AdminResult> => {
    const user = await updateUser(actor, id, input);
    revalidatePath("/admin/brukere");
    revalidatePath(`/admin/brukere/${id}`);
    const message = input.active === undefined ? "Endringen er lagret. Den gjelder fra brukerens neste klikk." : user.active ? "Brukeren er aktivert igjen." : "Brukeren er deaktivert og logget ut.";
    return { ok: true, message };
  });

export const resetPasswordAction = actionClient("admin.users")
  .schema(z.tuple([userId]))
  .action(async ({ actor, args: [id] }): Promise<AdminResult> => {
    const session = await getCurrentSession();
    const { password } = await resetPassword(actor, id, session?.sessionId);
    revalidatePath(`/admin/brukere/${id}`);
    return { ok: true, password, message: "Nytt passord er laget. Gi det til brukeren: det vises bare nå. Brukerens andre økter er avsluttet." };
  });

export const createUnitAction = actionClient("admin.units")
  .schema(z.tuple([checkedBy(unitBody)]))
  .action(async ({ actor, args: [input] }): Promise<AdminResult> => {
    const { id } = await createUnit(actor, input);
    revalidatePath("/admin/enheter");
    return { ok: true, id, message: "Enheten er opprettet." };
  });

export const updateUnitAction = actionClient("admin.units")
  .schema(z.tuple([unitId, checkedBy(unitBody)]))
  .action(async ({ actor, args: [id, input] }): Promise<AdminResult> => {
    await updateUnit(actor, id, input);
    revalidatePath("/admin/enheter");
    revalidatePath(`/admin/enheter/${id}`);
    return { ok: true, message: "Endringene er lagret." };
  });

export const setCodesRecordedInAction = actionClient("admin.units")
  .schema(z.tuple([unitId, codesRecordedInSchema]))
  .action(async ({ actor, args: [id, value] }): Promise<AdminResult> => {
    await setCodesRecordedIn(actor, id, value);
    revalidatePath(`/admin/enheter/${id}`);
    return {
      ok: true,
      message: value === "EPJ" ? "Lagret: enheten koder i pasientjournalen, og kodeskjemaene i Forløpsvakt er av." : "Lagret: enheten koder i Forløpsvakt.",
    };
  });

export const setUnitActiveAction = actionClient("admin.units")
  .schema(z.tuple([unitId, active]))
  .action(async ({ actor, args: [id, value] }): Promise<AdminResult> => {
    await setUnitActive(actor, id, value);
    revalidatePath("/admin/enheter");
    revalidatePath(`/admin/enheter/${id}`);
    return { ok: true, message: value ? "Enheten er aktivert igjen." : "Enheten er deaktivert. Den tar ikke imot nye henvisninger eller forløp." };
  });
