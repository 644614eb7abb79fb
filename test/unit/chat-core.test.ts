// The chat core: the action codec, the neutral markup's renderings, and the rule that
// commands and services speak no platform.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCommands } from "../../commands/index.js";
import { ACTION_MAX_BYTES, defineAction, int, oneOf, optional, word } from "../../bot/chat/action.js";
import { A } from "../../bot/chat/actions.js";
import { toMrkdwn, toPlainText } from "../../bot/chat/markup.js";

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("platform-neutral layers", () => {
  it("commands and services import no platform SDK", () => {
    const offenders = [...filesUnder(path.join(root, "commands")), ...filesUnder(path.join(root, "bot/services")), ...filesUnder(path.join(root, "bot/chat"))].filter((f) =>
      /grammy|@slack\/|botbuilder/i.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("no command decodes callback data by hand", () => {
    const offenders = filesUnder(path.join(root, "commands")).filter((f) => /split\(":"\)|callbackQuery|answerCallbackQuery|parse_mode/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("commands query the database only through services", () => {
    const offenders = filesUnder(path.join(root, "commands")).filter((f) => /\bdb\.[a-zA-Z]+\.(find|create|update|delete|count|upsert|aggregate|groupBy)/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("every action routes to a declared command", () => {
    const names = new Set(buildCommands().map((m) => m.spec.name));
    for (const group of Object.values(A)) for (const def of Object.values(group)) expect(names, `${def.command}:${def.name}`).toContain(def.command);
  });
});

describe("action codec", () => {
  const view = defineAction("hoso", "view", { id: int, filter: optional(oneOf(["all", "overdue"] as const)), page: optional(int) });

  it("builds the wire form and parses it back, optional fields last", () => {
    expect(view.build({ id: 3 })).toBe("hoso:view:3");
    expect(view.build({ id: 3, filter: "all", page: 2 })).toBe("hoso:view:3:all:2");
    expect(view.parse("hoso:view:3:all:2")).toEqual({ id: 3, filter: "all", page: 2 });
    expect(view.parse("hoso:view:3")).toEqual({ id: 3 });
  });

  it("refuses forged data: other actions, bad values, extra fields", () => {
    for (const bad of ["hoso:view", "hoso:view:x", "hoso:view:3:nope", "hoso:view:3:all:2:9", "hoso:viewer:3", "hoso:view:-1", "hoso:view:1234567890"]) {
      expect(view.parse(bad), bad).toBeUndefined();
    }
  });

  it("checks values and Telegram's 64-byte limit when built", () => {
    expect(() => view.build({ id: -1 })).toThrow();
    expect(() => view.build({ id: 1, page: 2 })).toThrow(/omitted/);
    const long = defineAction("caidat", "lang", { a: word(/^[a-z]+$/), b: word(/^[a-z]+$/) });
    expect(() => long.build({ a: "x".repeat(30), b: "y".repeat(30) })).toThrow(new RegExp(`> ${ACTION_MAX_BYTES}`));
    expect(() => defineAction("x", "y", { a: optional(int), b: int })).toThrow(/optional/);
  });

  it("keeps the strings buttons have always carried", () => {
    expect(A.settings.lang.build({ locale: "en" })).toBe("caidat:lang:en");
    expect(A.dossiers.returned.build({ id: 7, date: "20261201" })).toBe("hoso:ret:7:20261201");
    expect(A.alertAck.ack.build({ recipientId: 12 })).toBe("canhbaodoc:ack:12");
    expect(A.settings.quiet.parse("caidat:quiet")).toEqual({});
    expect(A.settings.quiet.parse("caidat:quiet:2")).toEqual({ preset: 2 });
  });
});

describe("neutral markup", () => {
  const text = 'Hồ sơ <b>000.1</b> — <i>quá hạn</i> &lt;2&gt; ngày, xem <a href="https://x.vn/a?b=1&amp;c=2">chi tiết</a> <code>/hoso</code>';

  it("renders as plain text with the links' addresses", () => {
    expect(toPlainText(text)).toBe("Hồ sơ 000.1 — quá hạn <2> ngày, xem chi tiết (https://x.vn/a?b=1&c=2) /hoso");
  });

  it("renders as Slack mrkdwn", () => {
    expect(toMrkdwn(text)).toBe("Hồ sơ *000.1* — _quá hạn_ &lt;2&gt; ngày, xem <https://x.vn/a?b=1&c=2|chi tiết> `/hoso`");
  });

  it("keeps unknown or unbalanced tags as text", () => {
    expect(toPlainText("a <b>b")).toBe("a b");
    expect(toPlainText("x </i> y")).toBe("x </i> y");
  });
});

describe("numbered choices (Zalo, the demo)", () => {
  it("lists buttons as numbers, writes links out, and keeps every part within 2,000 characters", async () => {
    const { renderForZalo } = await import("../../bot/channels/zalo/render.js");
    const t = ((k: string) => (k === "common.replyWithNumber" ? "(Trả lời bằng số để chọn.)" : k)) as never;
    const long = Array.from({ length: 120 }, (_, i) => `Dòng <b>${i}</b> ${"nội dung ".repeat(5)}`).join("\n");
    const out = renderForZalo(long, [[{ text: "25%", data: A.report.percent.build({ percent: 25 }) }, { text: "50%", data: A.report.percent.build({ percent: 50 }) }], [{ text: "Mở", url: "https://t.me/x" }]], t);
    expect(out.texts.length).toBeGreaterThan(1);
    for (const p of out.texts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(out.texts.join("\n")).not.toContain("<b>");
    expect(out.texts.at(-1)).toContain("[1] 25%   [2] 50%\nMở: https://t.me/x\n(Trả lời bằng số để chọn.)");
    expect(out.actions).toEqual(["baocao:pct:25", "baocao:pct:50"]);
  });
});
