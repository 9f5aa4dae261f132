'use strict';
// The gateway's Node.js anchor: the smallest Express + BullMQ submit path a Node team
// would write, and one load generator that drives it and the gateway alike.
//
//   node node_submit.js serve '{"port": 0, "queue": "...", "name": "...", "opts": {...}}'
//   node node_submit.js load  '{"target": "http" | "grpc", "address": "host:port",
//                               "concurrency": 64, "seconds": 3, "warmup": 0.5}'
//
// `serve` answers POST /v1/resumes (the job data as JSON, with fileUrl) by adding the
// job with the gateway's options and a fresh id, and prints {"port": n} once listening.
// It checks the fields the gateway requires, nothing more: no authentication, rate limit,
// idempotency or metrics, which the gateway has. `load` keeps `concurrency` calls in
// flight (HTTP/1.1 keep-alive connections, or gRPC channels of 4 calls each, as the
// Python load does), prints "measuring" when the warm-up is over, then
// {"calls", "seconds", "p50Ms", "p99Ms", "errors"}.
// Redis comes from REDIS_HOST, REDIS_PORT and QUEUE_DB, as in tests/node/bullmq_client.js.
const crypto = require('crypto');
const http = require('http');
const path = require('path');

const modules = path.join(__dirname, '..', 'node');
const load = (name) => require(require.resolve(name, { paths: [modules] }));
const ROOT = path.resolve(__dirname, '..', '..');

function serve({ port, queue: queueName, name, opts }) {
  const express = load('express');
  const { Queue } = load('bullmq');
  const queue = new Queue(queueName, {
    connection: {
      host: process.env.REDIS_HOST || '127.0.0.1',
      port: Number(process.env.REDIS_PORT || 6379),
      db: Number(process.env.QUEUE_DB || 1),
      maxRetriesPerRequest: null,
    },
  });
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/v1/resumes', async (req, res) => {
    const data = req.body || {};
    const missing = ['resumeId', 'organisationId', 'fileUrl'].filter((field) => !data[field]);
    if (missing.length || !String(data.fileUrl).startsWith('https://')) {
      res.status(400).json({ error: `missing or invalid: ${missing.join(', ') || 'fileUrl'}` });
      return;
    }
    try {
      const job = await queue.add(name, data, { ...opts, jobId: `resume-${crypto.randomUUID().replace(/-/g, '')}` });
      res.status(201).json({ jobId: job.id, state: 'waiting' });
    } catch (error) {
      res.status(503).json({ error: String(error) });
    }
  });
  const server = app.listen(port, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  });
  const stop = () => server.close(() => queue.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function httpCaller(address, concurrency) {
  const [host, port] = address.split(':');
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return (n) => new Promise((resolve, reject) => {
    const body = JSON.stringify(submission(n));
    const request = http.request({
      host, port, agent, method: 'POST', path: '/v1/resumes',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function grpcCaller(address, concurrency) {
  const grpc = load('@grpc/grpc-js');
  const protoLoader = load('@grpc/proto-loader');
  const definition = protoLoader.loadSync('resume/v1/resume.proto', { includeDirs: [path.join(ROOT, 'protos')] });
  const { GatewayService } = grpc.loadPackageDefinition(definition).resume.v1;
  // A local subchannel pool gives each client its own connection.
  const clients = Array.from({ length: Math.max(1, Math.min(16, Math.ceil(concurrency / 4))) }, () =>
    new GatewayService(address, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
  return (n) => new Promise((resolve, reject) => {
    const { resumeId, candidateId, organisationId, fileName, fileUrl } = submission(n);
    clients[n % clients.length].SubmitResume(
      { resumeId, candidateId, organisationId, fileName, fileUrl },
      { deadline: new Date(Date.now() + 10000) },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}

function submission(n) {
  return {
    resumeId: `r${n}`, candidateId: `c${n}`, organisationId: 'bench', fileName: 'resume.pdf',
    mimeType: 'application/pdf', fileUrl: `https://files.example.com/resumes/r${n}.pdf`,
  };
}

async function drive({ target, address, concurrency, seconds, warmup }) {
  const call = (target === 'grpc' ? grpcCaller : httpCaller)(address, concurrency);
  const now = () => Number(process.hrtime.bigint()) / 1e9;
  const measureFrom = now() + (warmup || 0);
  const end = measureFrom + seconds;
  const latencies = [];
  let counter = 0;
  let errors = 0;
  setTimeout(() => process.stdout.write('measuring\n'), Math.max(0, (measureFrom - now()) * 1000));
  async function caller() {
    for (;;) {
      const t0 = now();
      if (t0 >= end) return;
      try {
        await call(counter++);
      } catch (error) {
        errors += 1;
        if (errors === 1) process.stderr.write(`${error}\n`);
      }
      const t1 = now();
      if (t0 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller));
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 1000 : null);
  process.stdout.write(`${JSON.stringify({ calls: latencies.length, seconds, p50Ms: at(0.5), p99Ms: at(0.99), errors })}\n`);
  process.exit(0);
}

const [role, args] = [process.argv[2], JSON.parse(process.argv[3] || '{}')];
if (role === 'serve') serve(args);
else if (role === 'load') drive(args).catch((error) => { process.stderr.write(`${error.stack || error}\n`); process.exit(1); });
else { process.stderr.write('usage: node node_submit.js serve|load <json>\n'); process.exit(2); }
