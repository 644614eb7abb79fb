-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSubmissionVersion" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "results" TEXT,
    "difficulties" TEXT,
    "proposals" TEXT,
    "figures" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportSubmissionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPeriodClosure" (
    "periodKey" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,
    "closedBy" TEXT NOT NULL,

    CONSTRAINT "ReportPeriodClosure_pkey" PRIMARY KEY ("periodKey")
);

-- CreateTable
CREATE TABLE "GeneratedReport" (
    "id" SERIAL NOT NULL,
    "periodKey" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "GeneratedReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportSubmission_periodKey_idx" ON "ReportSubmission"("periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_unitId_periodKey_key" ON "ReportSubmission"("unitId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmissionVersion_submissionId_version_key" ON "ReportSubmissionVersion"("submissionId", "version");

-- CreateIndex
CREATE INDEX "GeneratedReport_periodKey_createdAt_idx" ON "GeneratedReport"("periodKey", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmissionVersion" ADD CONSTRAINT "ReportSubmissionVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "ReportSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmissionVersion" ADD CONSTRAINT "ReportSubmissionVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

