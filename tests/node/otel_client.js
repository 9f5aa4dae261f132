'use strict';
// A Node.js BullMQ producer and worker traced with bullmq-otel, as a Node service would
// trace them: the OpenTelemetry SDK registered (W3C trace context, async context), its
// spans kept in memory and printed with the command's answer.
//
//   node otel_client.js <command> '<json args>'
//
// Redis comes from the services' own variables, as in bullmq_client.js.
const { trace } = require('@opentelemetry/api');
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { BullMQOtel } = require('bullmq-otel');
const { Queue, Worker } = require('bullmq');
const { runCommands } = require('./command');

const exporter = new InMemorySpanExporter();
new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
const telemetry = new BullMQOtel('node-otel-client');

const prefix = process.env.QUEUE_PREFIX || 'bull';
const connection = {
  host: process.env.REDIS_HOST || '127.0.0.1',
  port: Number(process.env.REDIS_PORT || 6379),
  db: Number(process.env.QUEUE_DB || 1),
  maxRetriesPerRequest: null,
};

function spans() {
  return exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    kind: span.kind,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentId: span.parentSpanContext ? span.parentSpanContext.spanId : '',
  }));
}

const commands = {
  // {queue, name, data, opts} -> the job's id and options as stored, and the spans: the
  // job is added within a span of the producer's own.
  add: async ({ queue, name, data, opts }) => {
    const q = new Queue(queue, { connection, prefix, telemetry });
    try {
      const job = await trace.getTracer('node-producer').startActiveSpan('produce', async (span) => {
        try {
          return await q.add(name, data, opts);
        } finally {
          span.end();
        }
      });
      const stored = await q.getJob(job.id);
      return { id: job.id, opts: stored.opts, spans: spans() };
    } finally {
      await q.close();
    }
  },

  // {queue, count} -> the ids of the `count` jobs a traced Worker processed, and the spans.
  work: ({ queue, count }) =>
    new Promise((resolve, reject) => {
      const handled = [];
      const worker = new Worker(queue, async (job) => ({ processedBy: 'node', jobId: job.id }), {
        connection, prefix, concurrency: 1, name: 'node-otel', telemetry,
      });
      worker.on('completed', async (job) => {
        handled.push(job.id);
        if (handled.length === count) {
          await worker.close();
          resolve({ handled, spans: spans() });
        }
      });
      worker.on('failed', (job, error) => reject(error));
      worker.on('error', reject);
    }),
};

runCommands(commands);
