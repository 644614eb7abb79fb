-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportSubmission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportSubmissionVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "submissionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "results" TEXT,
    "difficulties" TEXT,
    "proposals" TEXT,
    "figures" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportSubmissionVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "ReportSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportSubmissionVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportPeriodClosure" (
    "periodKey" TEXT NOT NULL PRIMARY KEY,
    "closedAt" DATETIME NOT NULL,
    "closedBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "GeneratedReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "periodKey" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ReportSubmission_periodKey_idx" ON "ReportSubmission"("periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_unitId_periodKey_key" ON "ReportSubmission"("unitId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmissionVersion_submissionId_version_key" ON "ReportSubmissionVersion"("submissionId", "version");

-- CreateIndex
CREATE INDEX "GeneratedReport_periodKey_createdAt_idx" ON "GeneratedReport"("periodKey", "createdAt");

