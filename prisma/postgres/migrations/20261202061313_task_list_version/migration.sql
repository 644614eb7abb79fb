-- CreateTable
CREATE TABLE "TaskListVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TaskListVersion_pkey" PRIMARY KEY ("id")
);


-- The one row, and the triggers that bump it (written by hand: Prisma does not model triggers).
-- Once per statement: a bulk import bumps it once, not once per row.
INSERT INTO "TaskListVersion" ("id", "version") VALUES (1, 0);
CREATE FUNCTION "TaskListVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Task_list_version" AFTER INSERT OR DELETE OR UPDATE OF "status", "sortKey", "code" ON "Task" FOR EACH STATEMENT EXECUTE FUNCTION "TaskListVersion_bump"();
CREATE TRIGGER "TaskUnit_list_version" AFTER INSERT OR UPDATE OR DELETE ON "TaskUnit" FOR EACH STATEMENT EXECUTE FUNCTION "TaskListVersion_bump"();
CREATE TRIGGER "TaskAssignee_list_version" AFTER INSERT OR UPDATE OR DELETE ON "TaskAssignee" FOR EACH STATEMENT EXECUTE FUNCTION "TaskListVersion_bump"();
