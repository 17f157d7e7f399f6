-- Every invitation written before 0019 gets its request's cycle (requests outside cycles stay null).
UPDATE "invitations" AS i SET "cycle_id" = fr."cycle_id"
FROM "feedback_requests" AS fr
WHERE fr."id" = i."request_id" AND fr."org_id" = i."org_id" AND fr."cycle_id" IS NOT NULL AND i."cycle_id" IS NULL;
