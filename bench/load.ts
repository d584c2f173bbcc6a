/**
 * A small closed-loop HTTP load generator and its reporting helpers, shared by the
 * benchmarks in bench/. Node's http module only: a keep-alive Agent with one socket
 * per concurrent "user"; each user sends its next request as soon as the previous
 * response body has been read. Latency is measured from the start of a request to the
 * last byte of its body, so on loopback it is the server's time plus a little client
 * overhead. Every run is bounded by a request count and by a wall-clock limit.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export type Response = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export type LoadOptions = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections, each with one request in flight. */
  concurrency: number;
  /** Requests to send in total (the run stops earlier when maxDurationMs passes). */
  requests: number;
  maxDurationMs: number;
  /** Per-request timeout; a request that takes longer counts as an error. */
  timeoutMs?: number;
  /** Returns a message when a response is not what the page should answer. */
  validate?: (response: Response) => string | null;
  /** Stop the whole run at the first invalid response (e.g. a lost session). */
  abortOnInvalid?: boolean;
};

export type LoadResult = {
  /** Latency of each successful request in milliseconds, in completion order. */
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  aborted: boolean;
  durationMs: number;
  bytes: number;
  statusCounts: Record<number, number>;
};

export class InvalidResponseError extends Error {}

/** One request on the given agent, resolving when the body has been read whole. */
export function request(
  url: string,
  opts: { agent?: http.Agent; method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent: opts.agent, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency, maxFreeSockets: opts.concurrency });
  const result: LoadResult = { latenciesMs: [], errors: 0, firstError: null, aborted: false, durationMs: 0, bytes: 0, statusCounts: {} };
  const started = performance.now();
  const deadline = started + opts.maxDurationMs;
  let issued = 0;

  async function user() {
    while (!result.aborted && issued < opts.requests && performance.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      try {
        const response = await request(opts.url, {
          agent,
          method: opts.method,
          headers: opts.headers,
          body: opts.body,
          timeoutMs: opts.timeoutMs,
        });
        const elapsed = performance.now() - t0;
        result.statusCounts[response.status] = (result.statusCounts[response.status] ?? 0) + 1;
        const problem = opts.validate?.(response) ?? null;
        if (problem) {
          result.errors += 1;
          result.firstError ??= problem;
          if (opts.abortOnInvalid) result.aborted = true;
          continue;
        }
        result.latenciesMs.push(elapsed);
        result.bytes += response.body.length;
      } catch (error) {
        result.errors += 1;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: opts.concurrency }, () => user()));
  } finally {
    agent.destroy();
  }
  result.durationMs = performance.now() - started;
  return result;
}

/** Nearest-rank percentile of ascending-sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type Summary = {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  rps: number;
  avgBytes: number;
};

export function summarize(result: LoadResult): Summary {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const count = sorted.length;
  return {
    count,
    errors: result.errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: count ? sorted[count - 1]! : NaN,
    mean: count ? sorted.reduce((s, v) => s + v, 0) / count : NaN,
    rps: count / (result.durationMs / 1000),
    avgBytes: count ? result.bytes / count : 0,
  };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** A Markdown table (also readable in a terminal). */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export type Machine = { cpuModel: string; cpuCount: number; memoryGiB: number; node: string; platform: string };

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/**
 * Writes `content` between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`
 * in a Markdown file, keeping everything else; appends the section when it is missing.
 */
export function replaceMarkedSection(file: string, name: string, content: string, { title = '# Benchmarks\n' }: { title?: string } = {}) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${title}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from !== -1 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
