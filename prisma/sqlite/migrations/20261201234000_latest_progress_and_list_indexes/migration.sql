-- CreateTable
CREATE TABLE "TaskProgress" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "reportId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "reportedAt" DATETIME NOT NULL,

    PRIMARY KEY ("taskId", "unitId"),
    CONSTRAINT "TaskProgress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "planId" INTEGER,
    "section" TEXT NOT NULL,
    "sectionTitle" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "dueDate" TEXT,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "timingNote" TEXT,
    "leadNote" TEXT,
    "coordNote" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "sortKey" TEXT NOT NULL DEFAULT '',
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("closedAt", "closedBy", "code", "content", "coordNote", "createdAt", "dueDate", "id", "leadNote", "planId", "recurring", "section", "sectionTitle", "status", "timingNote", "title", "updatedAt") SELECT "closedAt", "closedBy", "code", "content", "coordNote", "createdAt", "dueDate", "id", "leadNote", "planId", "recurring", "section", "sectionTitle", "status", "timingNote", "title", "updatedAt" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE UNIQUE INDEX "Task_code_key" ON "Task"("code");
CREATE INDEX "Task_planId_idx" ON "Task"("planId");
CREATE INDEX "Task_status_sortKey_idx" ON "Task"("status", "sortKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TaskProgress_unitId_percent_idx" ON "TaskProgress"("unitId", "percent");

-- CreateIndex
CREATE INDEX "Dossier_status_dueAt_idx" ON "Dossier"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Dossier_importedAt_idx" ON "Dossier"("importedAt");

-- CreateIndex
CREATE INDEX "Dossier_receivedAt_idx" ON "Dossier"("receivedAt");

-- CreateIndex
CREATE INDEX "Dossier_returnedAt_idx" ON "Dossier"("returnedAt");


-- Hand-written: TaskProgress keeps the latest report of each task per unit (the reporter's
-- unit) and by anyone (unitId 0), "latest" being the last in time, then in id, as the
-- services read it. Reports are never changed: a trigger on insert is enough.
INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
SELECT "taskId", "unitId", "id", "staffId", "percent", "createdAt" FROM (
  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r."taskId", r."unitId" ORDER BY r."createdAt" DESC, r."id" DESC) AS rn
  FROM "ProgressReport" r WHERE r."unitId" IS NOT NULL
) WHERE rn = 1;
INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
SELECT "taskId", 0, "id", "staffId", "percent", "createdAt" FROM (
  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r."taskId" ORDER BY r."createdAt" DESC, r."id" DESC) AS rn
  FROM "ProgressReport" r
) WHERE rn = 1;

CREATE TRIGGER "ProgressReport_latest" AFTER INSERT ON "ProgressReport"
BEGIN
  INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
  VALUES (NEW."taskId", 0, NEW."id", NEW."staffId", NEW."percent", NEW."createdAt")
  ON CONFLICT ("taskId", "unitId") DO UPDATE SET
    "reportId" = excluded."reportId", "staffId" = excluded."staffId", "percent" = excluded."percent", "reportedAt" = excluded."reportedAt"
  WHERE excluded."reportedAt" > "TaskProgress"."reportedAt"
     OR (excluded."reportedAt" = "TaskProgress"."reportedAt" AND excluded."reportId" > "TaskProgress"."reportId");
  INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
  SELECT NEW."taskId", NEW."unitId", NEW."id", NEW."staffId", NEW."percent", NEW."createdAt" WHERE NEW."unitId" IS NOT NULL
  ON CONFLICT ("taskId", "unitId") DO UPDATE SET
    "reportId" = excluded."reportId", "staffId" = excluded."staffId", "percent" = excluded."percent", "reportedAt" = excluded."reportedAt"
  WHERE excluded."reportedAt" > "TaskProgress"."reportedAt"
     OR (excluded."reportedAt" = "TaskProgress"."reportedAt" AND excluded."reportId" > "TaskProgress"."reportId");
END;
