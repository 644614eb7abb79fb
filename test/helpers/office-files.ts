// Documents as a person opens them: a .docx or .xlsx converted by LibreOffice (headless, with a
// private profile so parallel runs do not share one) and read back with pdftotext, as lines or
// as words with their positions on the page.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { killGroup, spawnChild } from "./children.js";

export const onPath = (cmd: string) => (process.env.PATH ?? "").split(path.delimiter).some((d) => d && existsSync(path.join(d, cmd)));
/** The tools the PDF checks need, when missing (the test then skips and says which). */
export const missingOfficeTools = ["soffice", "pdftotext"].filter((c) => !onPath(c));

/** Runs a command in its own process group and waits; on a hang the whole group is killed (soffice forks). */
export function runTool(cmd: string, args: string[], cwd: string, limitMs: number): Promise<void> {
  const child = spawnChild(cmd, args, { cwd, env: process.env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => void killGroup(child), limitMs);
  return new Promise((resolve, reject) =>
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")}: ${signal ?? code}\n${err}`));
    }),
  );
}

/** Converts `files` (in `dir`) with one LibreOffice start; `format` as soffice takes it ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76"). */
export async function convertWithLibreOffice(dir: string, files: string[], format: string, limitMs = 240_000): Promise<void> {
  const profile = `file://${path.join(dir, "lo-profile")}`;
  await runTool("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", dir, ...files.map((f) => path.resolve(dir, f))], dir, limitMs);
}

/** Every .docx in `files` (absolute paths in `dir`) to PDF in one LibreOffice start; returns the PDFs' paths. */
export async function docxToPdf(dir: string, files: string[]): Promise<string[]> {
  await convertWithLibreOffice(dir, files, "pdf");
  return files.map((f) => path.join(dir, path.basename(f).replace(/\.docx$/, ".pdf")));
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
}

/** The words of a PDF with their boxes (points, origin top left), from `pdftotext -bbox`. */
export function pdfWords(pdf: string): { pages: PdfPage[]; words: PdfWord[] } {
  const out = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`pdftotext ${pdf}: ${out.stderr}`);
  const pages: PdfPage[] = [];
  const words: PdfWord[] = [];
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const m of out.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else words.push({ page: pages.length, text: unescape(m[7]!).normalize("NFC"), xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return { pages, words };
}

/** The text of a PDF, laid out as lines (`pdftotext -layout`). */
export function pdfLines(pdf: string): string[] {
  const out = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`pdftotext ${pdf}: ${out.stderr}`);
  return out.stdout.normalize("NFC").split("\n");
}
