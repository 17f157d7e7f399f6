// The notifications procedures' contract (issue 18): the bell's list and marking entries read.
import { z } from "zod";
import { NOTIFICATION_MESSAGES } from "../notifications/notifications";

export const notificationKindSchema = z.enum(["invitation", "nominations", "partner", "checkin", "report"]);

export const notificationsListOutput = z.object({
  unread: z.number().int().nonnegative(),
  items: z.array(
    z.object({
      key: z.string(),
      kind: notificationKindSchema,
      text: z.string(),
      /** The sentence as data, for each language to write: a code, and the name or count it holds. */
      message: z.object({
        code: z.enum(NOTIFICATION_MESSAGES),
        name: z.string().optional(),
        count: z.number().int().optional(),
      }),
      href: z.string(),
      at: z.string(),
      read: z.boolean(),
    }),
  ),
});

export const notificationsMarkReadInput = z.object({
  keys: z
    .array(z.string().min(1).max(200, { error: "A notification key is at most 200 characters long." }), {
      error: "Name the notifications to mark as read.",
    })
    .min(1, { error: "Name at least one notification to mark as read." })
    .max(100, { error: "Mark at most 100 notifications at a time." }),
});
export const notificationsMarkReadOutput = z.object({ marked: z.number().int().nonnegative() });

export type NotificationsListOutput = z.output<typeof notificationsListOutput>;
export type NotificationsMarkReadInput = z.output<typeof notificationsMarkReadInput>;
