-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "sortKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "TaskProgress" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "reportId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskProgress_pkey" PRIMARY KEY ("taskId","unitId")
);

-- CreateIndex
CREATE INDEX "TaskProgress_unitId_percent_idx" ON "TaskProgress"("unitId", "percent");

-- CreateIndex
CREATE INDEX "Task_status_sortKey_idx" ON "Task"("status", "sortKey");

-- CreateIndex
CREATE INDEX "Dossier_status_dueAt_idx" ON "Dossier"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Dossier_importedAt_idx" ON "Dossier"("importedAt");

-- CreateIndex
CREATE INDEX "Dossier_receivedAt_idx" ON "Dossier"("receivedAt");

-- CreateIndex
CREATE INDEX "Dossier_returnedAt_idx" ON "Dossier"("returnedAt");

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: TaskProgress keeps the latest report of each task per unit (the reporter's
-- unit) and by anyone (unitId 0), "latest" being the last in time, then in id, as the
-- services read it. Reports are never changed: a trigger on insert is enough.
INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
SELECT DISTINCT ON ("taskId", "unitId") "taskId", "unitId", "id", "staffId", "percent", "createdAt"
FROM "ProgressReport" WHERE "unitId" IS NOT NULL
ORDER BY "taskId", "unitId", "createdAt" DESC, "id" DESC;
INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
SELECT DISTINCT ON ("taskId") "taskId", 0, "id", "staffId", "percent", "createdAt"
FROM "ProgressReport"
ORDER BY "taskId", "createdAt" DESC, "id" DESC;

CREATE FUNCTION "ProgressReport_latest"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
  VALUES (NEW."taskId", 0, NEW."id", NEW."staffId", NEW."percent", NEW."createdAt")
  ON CONFLICT ("taskId", "unitId") DO UPDATE SET
    "reportId" = excluded."reportId", "staffId" = excluded."staffId", "percent" = excluded."percent", "reportedAt" = excluded."reportedAt"
  WHERE excluded."reportedAt" > "TaskProgress"."reportedAt"
     OR (excluded."reportedAt" = "TaskProgress"."reportedAt" AND excluded."reportId" > "TaskProgress"."reportId");
  IF NEW."unitId" IS NOT NULL THEN
    INSERT INTO "TaskProgress" ("taskId", "unitId", "reportId", "staffId", "percent", "reportedAt")
    VALUES (NEW."taskId", NEW."unitId", NEW."id", NEW."staffId", NEW."percent", NEW."createdAt")
    ON CONFLICT ("taskId", "unitId") DO UPDATE SET
      "reportId" = excluded."reportId", "staffId" = excluded."staffId", "percent" = excluded."percent", "reportedAt" = excluded."reportedAt"
    WHERE excluded."reportedAt" > "TaskProgress"."reportedAt"
       OR (excluded."reportedAt" = "TaskProgress"."reportedAt" AND excluded."reportId" > "TaskProgress"."reportId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ProgressReport_latest" AFTER INSERT ON "ProgressReport" FOR EACH ROW EXECUTE FUNCTION "ProgressReport_latest"();
