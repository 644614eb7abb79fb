-- DropIndex
DROP INDEX "TaskUnit_unitId_idx";

-- DropIndex
DROP INDEX "TaskAssignee_staffId_idx";

-- CreateIndex
CREATE INDEX "TaskUnit_unitId_role_taskId_idx" ON "TaskUnit"("unitId", "role", "taskId");

-- CreateIndex
CREATE INDEX "TaskAssignee_staffId_taskId_idx" ON "TaskAssignee"("staffId", "taskId");

