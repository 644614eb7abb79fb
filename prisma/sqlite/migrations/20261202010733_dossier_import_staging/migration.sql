-- CreateTable
CREATE TABLE "DossierImportRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "owner" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DossierImportRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dossierId" INTEGER,
    "code" TEXT NOT NULL,
    "procedureName" TEXT NOT NULL,
    "applicant" TEXT NOT NULL,
    "unitId" INTEGER,
    "handlerId" INTEGER,
    "handlerRaw" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "statusRaw" TEXT,
    "returnedAt" DATETIME,
    "pausedAt" DATETIME,
    "pausedWorkingDays" INTEGER NOT NULL DEFAULT 0,
    "expectStatus" TEXT,
    "expectPausedAt" DATETIME,
    "expectHandledAt" DATETIME,
    "historyFrom" TEXT,
    "statusChanged" BOOLEAN NOT NULL DEFAULT false,
    "cancelReminders" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DossierImportRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DossierImportRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DossierImportRow_runId_kind_idx" ON "DossierImportRow"("runId", "kind");

