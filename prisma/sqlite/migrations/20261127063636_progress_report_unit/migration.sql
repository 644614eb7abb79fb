-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProgressReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "percent" INTEGER NOT NULL,
    "note" TEXT,
    "fileId" TEXT,
    "fileKind" TEXT,
    "fileName" TEXT,
    "source" TEXT NOT NULL DEFAULT 'telegram',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgressReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgressReport_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgressReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProgressReport" ("createdAt", "fileId", "fileKind", "fileName", "id", "note", "percent", "source", "staffId", "taskId") SELECT "createdAt", "fileId", "fileKind", "fileName", "id", "note", "percent", "source", "staffId", "taskId" FROM "ProgressReport";
DROP TABLE "ProgressReport";
ALTER TABLE "new_ProgressReport" RENAME TO "ProgressReport";
CREATE INDEX "ProgressReport_taskId_createdAt_idx" ON "ProgressReport"("taskId", "createdAt");
CREATE INDEX "ProgressReport_staffId_createdAt_idx" ON "ProgressReport"("staffId", "createdAt");
CREATE INDEX "ProgressReport_unitId_createdAt_idx" ON "ProgressReport"("unitId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Hand-written: reports recorded before this column existed belong to their author's unit.
UPDATE "ProgressReport" SET "unitId" = (SELECT "unitId" FROM "Staff" WHERE "Staff"."id" = "ProgressReport"."staffId") WHERE "unitId" IS NULL;
