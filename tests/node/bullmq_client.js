'use strict';
// A Node.js BullMQ client, used as a Node service would use it, against the queue
// database of the services under test.
//
//   node bullmq_client.js <command> '<json args>'
//
// Redis comes from the services' own variables (REDIS_HOST, REDIS_PORT, REDIS_USERNAME,
// REDIS_PASSWORD, QUEUE_DB; REDIS_MODE=cluster with REDIS_CLUSTER_NODES; QUEUE_PREFIX). One-shot commands print one JSON object on stdout; `listen`
// prints one JSON object a line. Every command ends within `timeoutMs` (exit code 2), so
// that nothing can hang a test run.
//
// ioredis stays on 5.x: 6.x needs Node 20, and the Node that CI installs from Debian
// bookworm is 18. Node's BullMQ accepts either.
const { Queue, QueueEvents, Worker, UnrecoverableError } = require('bullmq');
const IORedis = require('ioredis');
const { print, runCommands } = require('./command');

const prefix = process.env.QUEUE_PREFIX || 'bull';
const redisOptions = {
  host: process.env.REDIS_HOST || '127.0.0.1',
  port: Number(process.env.REDIS_PORT || 6379),
  db: Number(process.env.QUEUE_DB || 1),
  username: process.env.REDIS_USERNAME || undefined,
  password: process.env.REDIS_PASSWORD || undefined,
  connectTimeout: 2000,
  // BullMQ requires it for blocking connections; a dead Redis ends the command via timeoutMs.
  maxRetriesPerRequest: null,
};

// BullMQ takes a cluster as an ioredis Cluster; elsewhere it makes its own connections.
function hostPort(text) {
  const colon = text.lastIndexOf(':');
  return { host: text.slice(0, colon), port: Number(text.slice(colon + 1)) };
}
const connection = process.env.REDIS_MODE === 'cluster'
  ? new IORedis.Cluster(process.env.REDIS_CLUSTER_NODES.split(',').map(hostPort), {
    redisOptions: { ...redisOptions, db: undefined },
  })
  : redisOptions;


// What a Node service reads of a job.
async function jobView(job) {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    opts: job.opts,
    state: await job.getState(),
    progress: job.progress,
    returnvalue: job.returnvalue,
    failedReason: job.failedReason === undefined ? null : job.failedReason,
    attemptsMade: job.attemptsMade,
    stacktrace: job.stacktrace,
    timestamp: job.timestamp,
    processedOn: job.processedOn === undefined ? null : job.processedOn,
    finishedOn: job.finishedOn === undefined ? null : job.finishedOn,
  };
}

async function withQueue(name, use) {
  const queue = new Queue(name, { connection, prefix });
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

const commands = {
  // {queue, name, data, opts} -> the added job as Node reads it back
  add: ({ queue, name, data, opts }) =>
    withQueue(queue, async (q) => jobView(await q.add(name, data, opts))),

  // {queue, ids} -> whether Node accepts each id as a custom job id
  'add-ids': ({ queue, ids }) =>
    withQueue(queue, async (q) => {
      const results = [];
      for (const id of ids) {
        try {
          const job = await q.add('id-check', {}, { jobId: id });
          results.push({ id, ok: true, storedId: job.id });
        } catch (error) {
          results.push({ id, ok: false, error: error.message });
        }
      }
      return { results };
    }),

  // {queue, id} -> the job as Node reads it, or null
  job: ({ queue, id }) =>
    withQueue(queue, async (q) => {
      const job = await q.getJob(id);
      return job ? jobView(job) : null;
    }),

  // {queue} -> Queue.getWorkers()
  workers: ({ queue }) => withQueue(queue, async (q) => ({ workers: await q.getWorkers() })),

  // {queue} -> {removed: true}
  obliterate: ({ queue }) =>
    withQueue(queue, async (q) => {
      await q.obliterate({ force: true });
      return { removed: true };
    }),

  // {queue, count, behaviour: "return" | "fail" | "unrecoverable", message}
  // A Worker that handles `count` jobs, then stops: what each job ended as.
  work: ({ queue, count, behaviour = 'return', message = 'failed by the Node worker' }) =>
    new Promise((resolve, reject) => {
      const handled = [];
      const worker = new Worker(
        queue,
        async (job) => {
          if (behaviour === 'fail') throw new Error(message);
          if (behaviour === 'unrecoverable') throw new UnrecoverableError(message);
          return { processedBy: 'node', jobId: job.id, name: job.name, data: job.data };
        },
        { connection, prefix, concurrency: 1, name: 'node-compat' },
      );
      const settle = (outcome) => async (job, detail) => {
        handled.push({ id: job.id, outcome, detail: outcome === 'failed' ? detail.message : detail });
        if (handled.length === count) {
          await worker.close();
          resolve({ handled });
        }
      };
      worker.on('completed', settle('completed'));
      worker.on('failed', settle('failed'));
      worker.on('error', reject);
    }),

  // {queue} -> QueueEvents, one line an event, until SIGTERM or timeoutMs.
  listen: async ({ queue }) => {
    // Start reading right after the newest event: QueueEvents' default ('$') would miss
    // events written between "ready" and its first XREAD.
    const client = connection instanceof IORedis.Cluster ? connection : new IORedis(connection);
    const [newest] = await client.xrevrange(`${prefix}:${queue}:events`, '+', '-', 'COUNT', 1);
    if (client !== connection) client.disconnect();
    const events = new QueueEvents(queue, { connection, prefix, lastEventId: newest ? newest[0] : '0' });
    for (const name of ['added', 'waiting', 'active', 'progress', 'completed', 'failed', 'retries-exhausted', 'delayed', 'stalled']) {
      events.on(name, (args, id) => print({ event: name, eventId: id, ...args }));
    }
    await events.waitUntilReady();
    print({ event: 'ready' });
    await new Promise((resolve) => process.once('SIGTERM', resolve));
    await events.close();
    return undefined;
  },
};

runCommands(commands);
