'use strict';
// Node.js BullMQ's Queue.add rate, as the anchor the Python gateway is compared with.
//
//   node node_add_rate.js '{"queue": "...", "name": "...", "concurrency": 64,
//                           "seconds": 3, "warmup": 0.5, "data": {...}, "opts": {...}}'
//
// Redis comes from the services' variables (REDIS_HOST, REDIS_PORT, QUEUE_DB), as in
// tests/node/bullmq_client.js. Prints {"adds": n, "seconds": s, "p50Ms", "p99Ms"}.
// One Queue object, as a Node producer would normally hold, with `concurrency` adds in
// flight: the same shape of load as the gateway gets from its callers.
const path = require('path');
const crypto = require('crypto');

const modules = path.join(__dirname, '..', 'node');
const { Queue } = require(require.resolve('bullmq', { paths: [modules] }));

const connection = {
  host: process.env.REDIS_HOST || '127.0.0.1',
  port: Number(process.env.REDIS_PORT || 6379),
  db: Number(process.env.QUEUE_DB || 1),
  maxRetriesPerRequest: null,
};

async function main() {
  const args = JSON.parse(process.argv[2] || '{}');
  const queue = new Queue(args.queue, { connection });
  await queue.waitUntilReady();
  const now = () => Number(process.hrtime.bigint()) / 1e9;
  const start = now();
  const measureFrom = start + (args.warmup || 0);
  const end = measureFrom + args.seconds;
  const latencies = [];
  async function caller() {
    for (;;) {
      const t0 = now();
      if (t0 >= end) return;
      // Same id shape as the gateway's: Node refuses integer-like ids.
      const opts = { ...args.opts, jobId: `resume-${crypto.randomUUID().replace(/-/g, '')}` };
      await queue.add(args.name, args.data, opts);
      const t1 = now();
      if (t0 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
    }
  }
  await Promise.all(Array.from({ length: args.concurrency }, caller));
  await queue.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 1000 : null);
  process.stdout.write(`${JSON.stringify({ adds: latencies.length, seconds: args.seconds, p50Ms: at(0.5), p99Ms: at(0.99) })}\n`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
