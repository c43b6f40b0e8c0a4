/**
 * Options for node itself that every app process starts with: `npm start` (package.json, which
 * repeats them: a unit test keeps the two in step), the local cluster's processes
 * (server/cluster/app-process.ts) and the messaging benchmark's server (bench/messaging.ts).
 *
 * - `--max-semi-space-size=64` (MB): a larger young generation. Messaging makes short-lived garbage
 *   at a high rate (packets, acks, views, promises); with the default 16 MB semi-space V8 scavenged
 *   every few ms and garbage collection took ~15 % of the server's CPU at 2,000 msg/s, with the
 *   tail latency following it (docs/benchmarks.md, "Headroom on 2026-12-07"). Costs at most
 *   ~100 MB more of reserved memory per process (three semi-spaces), usually less.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=64']
