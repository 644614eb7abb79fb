-- CreateTable
CREATE TABLE "TaskListVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);


-- The one row, and the triggers that bump it (written by hand: Prisma does not model triggers).
INSERT INTO "TaskListVersion" ("id", "version") VALUES (1, 0);
CREATE TRIGGER "Task_list_version_insert" AFTER INSERT ON "Task" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Task_list_version_update" AFTER UPDATE OF "status", "sortKey", "code" ON "Task" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Task_list_version_delete" AFTER DELETE ON "Task" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskUnit_list_version_insert" AFTER INSERT ON "TaskUnit" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskUnit_list_version_update" AFTER UPDATE ON "TaskUnit" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskUnit_list_version_delete" AFTER DELETE ON "TaskUnit" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskAssignee_list_version_insert" AFTER INSERT ON "TaskAssignee" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskAssignee_list_version_update" AFTER UPDATE ON "TaskAssignee" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "TaskAssignee_list_version_delete" AFTER DELETE ON "TaskAssignee" BEGIN UPDATE "TaskListVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
