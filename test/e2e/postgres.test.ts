// The same service on PostgreSQL: binding, help and settings through the fake Bot API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgAvailable } from "../helpers/db.js";
import { E2E, textOf } from "../helpers/e2e.js";

const hasPg = await pgAvailable();

describe.runIf(hasPg)("on PostgreSQL", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await E2E.start({ provider: "postgres" });
  });
  afterAll(async () => e2e?.stop());

  it("binds, answers by role and stores settings", async () => {
    const head = await e2e.login("KH01");
    const [help] = await e2e.say(head, "/trogiup");
    expect(textOf(help)).toContain("Vai trò: Trưởng phòng");
    const [settings] = await e2e.say(head, "/caidat");
    const { messages } = await e2e.pressLabel(head, settings!, "Giờ yên lặng");
    const { answer } = await e2e.pressLabel(head, messages.at(-1)!, "22:00");
    expect(answer?.text).toBe("Đã lưu.");
    const staff = await e2e.db.staff.findUniqueOrThrow({ where: { code: "KH01" } });
    expect([staff.quietFrom, staff.quietTo]).toEqual(["22:00", "06:00"]);
    expect(await e2e.db.task.count()).toBe(22);
  });
});
