import "server-only";
import type { z } from "zod";
import { z as zod } from "@/lib/zod";
import type { Action } from "@/domain/permissions";
import { containsUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/safe-text";
import { requireActor } from "@/server/auth/guard";
import type { Actor } from "@/server/auth/current-user";
import { ValidationError, fieldErrorsFrom } from "@/server/errors";
import { toActionFailure, type ActionFailure } from "./result";

// Every server action is built here (after Formbricks' authenticatedActionClient):
// `actionClient("event.annul").schema(z.tuple([...])).action(async ({ actor, args }) => ...)`.
// A server action is a public endpoint: its arguments arrive as whatever JSON
// a caller sends (objects such as {"not": "x"}, arrays, NUL bytes). They are
// parsed with the action's zod tuple before the action's code runs, so no
// query ever sees an unparsed argument. The permission check's answer comes
// first (a role without the permission learns nothing about the input), and
// every failure is a Norwegian ActionFailure for the form.

type Tuple = z.ZodTuple<[z.ZodType, ...z.ZodType[]], null>;

export function actionClient(permission: Action) {
  return {
    schema<S extends Tuple>(schema: S) {
      return {
        action<R>(run: (ctx: { actor: Actor; args: z.output<S> }) => Promise<R>) {
          return async (...raw: z.input<S>): Promise<R | ActionFailure> => {
            try {
              const parsed = containsUnsafeText(raw) ? null : schema.safeParse(raw);
              const actor = await requireActor(permission);
              if (parsed === null) throw new ValidationError({}, UNSAFE_TEXT_MESSAGE);
              if (!parsed.success) {
                // the first path element is the argument's position: the form knows its fields by name
                throw new ValidationError(fieldErrorsFrom(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
              }
              return await run({ actor, args: parsed.data });
            } catch (error) {
              return toActionFailure(error);
            }
          };
        },
      };
    },
  };
}

/**
 * An argument checked by `schema` but passed on as sent (typed as its input):
 * for a service that parses it again and needs its own input shape.
 */
export function checkedBy<S extends z.ZodType>(schema: S) {
  return zod.unknown().superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }) as unknown as z.ZodType<z.input<S>, z.input<S>>;
}
