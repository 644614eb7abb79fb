import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, ConfigError, loadConfig } from "../../bot/config.js";

const TOKEN = "123456789:AAHfakefakefakefakefakefakefake12345";

function errorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.lines;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("needs only the token; everything else has a default", () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      databaseUrl: "file:./data/bot.db",
      apiRoot: "https://api.telegram.org",
      mode: "polling",
      timezone: "Asia/Ho_Chi_Minh",
      defaultLocale: "vi",
      logLevel: "info",
      inviteTtlHours: 72,
      port: undefined,
      digestTime: "07:30",
    });
  });

  it("names the missing key and never prints the token", () => {
    expect(errorLines({})).toEqual([expect.stringMatching(/^Lỗi cấu hình BOT_TOKEN: thiếu/)]);
    const lines = errorLines({ BOT_TOKEN: "123:short" });
    expect(lines[0]).toMatch(/BOT_TOKEN/);
    expect(lines.join("\n")).not.toContain("123:short");
  });

  it("reports each invalid key on its own line", () => {
    const lines = errorLines({ BOT_TOKEN: TOKEN, BOT_MODE: "push", TIMEZONE: "Mars/Base", DEFAULT_LOCALE: "fr", PORT: "99999" });
    expect(lines.map((l) => l.split(":")[0])).toEqual(
      expect.arrayContaining(["Lỗi cấu hình BOT_MODE", "Lỗi cấu hình TIMEZONE", "Lỗi cấu hình DEFAULT_LOCALE", "Lỗi cấu hình PORT"]),
    );
  });

  it("webhook mode needs a public URL and a well-formed secret", () => {
    expect(errorLines({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }).join("\n")).toMatch(/WEBHOOK_URL[\s\S]*WEBHOOK_SECRET/);
    const bad = errorLines({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/tg", WEBHOOK_SECRET: "has space" });
    expect(bad).toEqual([expect.stringMatching(/^Lỗi cấu hình WEBHOOK_SECRET/)]);
    const ok = loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/tg", WEBHOOK_SECRET: "s3cr3t_-" });
    expect(ok.port).toBe(8080);
  });

  it("accepts PostgreSQL URLs and rejects other databases", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://u@h:5432/db" }).databaseUrl).toMatch(/^postgresql/);
    expect(errorLines({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://x" })[0]).toMatch(/DATABASE_URL/);
  });

  it("treats empty values as unset, as an .env copied from .env.example has them", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "", WEBHOOK_URL: " " }).port).toBeUndefined();
  });

  it("CLOCK_AT starts the clock at a real local date and time, and refuses anything else", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).clockAt).toBeUndefined();
    expect(loadConfig({ BOT_TOKEN: TOKEN, CLOCK_AT: "25/11/2026 09:00" }).clockAt?.toISOString()).toBe("2026-11-25T02:00:00.000Z");
    expect(loadConfig({ BOT_TOKEN: TOKEN, CLOCK_AT: "25/11/2026 09:00", TIMEZONE: "UTC" }).clockAt?.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    for (const bad of ["31/02/2026 09:00", "25/11/2026 24:00", "2026-11-25T09:00", "25/11/2026", "9:00 25/11/2026"]) {
      const lines = errorLines({ BOT_TOKEN: TOKEN, CLOCK_AT: bad });
      expect(lines, bad).toEqual([expect.stringMatching(/^Lỗi cấu hình CLOCK_AT: cần ngày giờ có thật dạng dd\/mm\/yyyy hh:mm/)]);
    }
    // A bad time zone is reported as such, not as a crash while reading CLOCK_AT.
    expect(errorLines({ BOT_TOKEN: TOKEN, CLOCK_AT: "25/11/2026 09:00", TIMEZONE: "Mars/Base" })).toEqual([expect.stringMatching(/^Lỗi cấu hình TIMEZONE/)]);
  });

  it(".env.example documents every key", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(CONFIG_KEYS));
  });
});

describe("the Zalo channel's configuration", () => {
  const ZALO = "1234567890:abcdefABCDEF_0123456789-xyz";
  it("runs beside Telegram, or alone; needs PUBLIC_URL for its download links", () => {
    const both = loadConfig({ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_", ZALO_BOT_TOKEN: ZALO, PUBLIC_URL: "https://bot.sokhcn.gov.vn/" });
    expect(both.telegram).toBe(true);
    expect(both.zalo).toMatchObject({ token: ZALO, apiRoot: "https://bot-api.zaloplatforms.com", mode: "polling" });
    expect(both.publicUrl).toBe("https://bot.sokhcn.gov.vn");
    expect(loadConfig({ ZALO_BOT_TOKEN: ZALO, PUBLIC_URL: "https://bot.sokhcn.gov.vn" }).telegram).toBe(false);
    let lines: string[] = [];
    try {
      loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_MODE: "webhook" });
    } catch (e) {
      lines = (e as ConfigError).lines;
    }
    expect(lines.join("\n")).toMatch(/PUBLIC_URL/);
    expect(lines.join("\n")).toMatch(/ZALO_WEBHOOK_URL/);
    expect(lines.join("\n")).toMatch(/ZALO_WEBHOOK_SECRET/);
    expect(lines.join("\n")).not.toContain(ZALO);
  });
});

describe("the Slack channel's configuration", () => {
  const XOXB = "xoxb-1234-5678-abcdefABCDEF0123";
  const XAPP = "xapp-1-A0SOKHCN01-1234-abcdef0123456789";
  const lines = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigError).lines;
    }
  };
  it("Socket Mode by default (needs the xapp- token), HTTP mode with the signing secret; beside Telegram or alone", () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: XOXB, SLACK_APP_TOKEN: XAPP });
    expect(socket.telegram).toBe(false);
    expect(socket.slack).toMatchObject({ botToken: XOXB, mode: "socket", appToken: XAPP, apiUrl: "https://slack.com/api/" });
    expect(socket.port).toBeUndefined(); // no public URL, no HTTP server needed
    const http = loadConfig({ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_", SLACK_BOT_TOKEN: XOXB, SLACK_MODE: "http", SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5", SLACK_API_URL: "http://127.0.0.1:9/api" });
    expect(http.telegram).toBe(true);
    expect(http.slack).toMatchObject({ mode: "http", apiUrl: "http://127.0.0.1:9/api/" });
    expect(http.port).toBe(8080);
    expect(loadConfig({ BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_" }).slack).toBeUndefined();
  });

  it("a missing or malformed key gets one line naming it, never the value", () => {
    expect(lines({ SLACK_BOT_TOKEN: XOXB })).toEqual([expect.stringMatching(/^Lỗi cấu hình SLACK_APP_TOKEN: thiếu/)]);
    expect(lines({ SLACK_BOT_TOKEN: XOXB, SLACK_MODE: "http" })).toEqual([expect.stringMatching(/^Lỗi cấu hình SLACK_SIGNING_SECRET: thiếu/)]);
    const bad = lines({ SLACK_BOT_TOKEN: "xoxp-user-token-not-a-bot-1234", SLACK_APP_TOKEN: XAPP });
    expect(bad).toEqual([expect.stringMatching(/^Lỗi cấu hình SLACK_BOT_TOKEN: không đúng dạng/)]);
    expect(bad.join("\n")).not.toContain("xoxp-user");
    expect(lines({ SLACK_APP_TOKEN: XAPP })).toEqual([expect.stringMatching(/^Lỗi cấu hình SLACK_BOT_TOKEN: thiếu/)]);
    expect(lines({ SLACK_BOT_TOKEN: XOXB, SLACK_APP_TOKEN: XAPP, SLACK_MODE: "websocket" })).toEqual([expect.stringMatching(/^Lỗi cấu hình SLACK_MODE/)]);
  });
});
