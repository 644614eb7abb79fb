-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "unitId" INTEGER;

-- CreateIndex
CREATE INDEX "ProgressReport_unitId_createdAt_idx" ON "ProgressReport"("unitId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: reports recorded before this column existed belong to their author's unit.
UPDATE "ProgressReport" SET "unitId" = (SELECT "unitId" FROM "Staff" WHERE "Staff"."id" = "ProgressReport"."staffId") WHERE "unitId" IS NULL;
