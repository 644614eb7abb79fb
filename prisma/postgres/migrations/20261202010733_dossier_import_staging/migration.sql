-- CreateTable
CREATE TABLE "DossierImportRun" (
    "id" SERIAL NOT NULL,
    "owner" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "DossierImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierImportRow" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dossierId" INTEGER,
    "code" TEXT NOT NULL,
    "procedureName" TEXT NOT NULL,
    "applicant" TEXT NOT NULL,
    "unitId" INTEGER,
    "handlerId" INTEGER,
    "handlerRaw" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "statusRaw" TEXT,
    "returnedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "pausedWorkingDays" INTEGER NOT NULL DEFAULT 0,
    "expectStatus" TEXT,
    "expectPausedAt" TIMESTAMP(3),
    "expectHandledAt" TIMESTAMP(3),
    "historyFrom" TEXT,
    "statusChanged" BOOLEAN NOT NULL DEFAULT false,
    "cancelReminders" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DossierImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DossierImportRow_runId_kind_idx" ON "DossierImportRow"("runId", "kind");

-- AddForeignKey
ALTER TABLE "DossierImportRow" ADD CONSTRAINT "DossierImportRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DossierImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

