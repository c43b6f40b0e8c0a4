/**
 * Options for node itself that every app process starts with: `npm start` (package.json, which
 * repeats them: a unit test keeps the two in step), the local cluster's processes
 * (server/cluster/app-process.ts) and the messaging benchmark's server (bench/messaging.ts).
 *
 * - `--max-semi-space-size=64` (MB): a larger young generation. Messaging makes short-lived garbage
 *   at a high rate (packets, acks, views, promises); with the default 16 MB semi-space V8 scavenged
 *   ~9 times a second at 2,000 msg/s, and garbage collection took 7–16 % of the server's CPU. With
 *   64 MB: 4–6× fewer scavenges and less collection time in every A/B run (docs/benchmarks.md,
 *   "Headroom on 2026-12-07"); its effect on the latency tail is still to be measured on a quiet
 *   machine. Costs up to ~100 MB more memory per process (two semi-spaces) when the nursery grows to
 *   its limit (V8 grows it only under allocation pressure).
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=64']
