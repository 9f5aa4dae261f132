'use strict';
// A Node.js gRPC client of the gateway, built from protos/resume/v1/resume.proto as a
// Node service would build it.
//
//   node grpc_client.js <command> '<json args with "address": "host:port">'
//
// Prints one JSON object on stdout. Every call has a deadline and the whole command
// ends within `timeoutMs` (exit code 2).
const fs = require('fs');
const path = require('path');
const { runCommands } = require('./command');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const ROOT = path.resolve(__dirname, '..', '..');
// Field names in lowerCamelCase (proto-loader's default), the way the proto3 JSON of
// the job's return value spells them; enums as their names.
const LOADER_OPTIONS = { longs: String, enums: String, defaults: true, oneofs: true };
const CALL_DEADLINE_MS = 5000;

// proto-loader resolves google/protobuf/timestamp.proto from the well-known types it
// ships; includeDirs only has to find resume/v1/resume.proto.
const definition = protoLoader.loadSync(['resume/v1/resume.proto', 'health.proto'], {
  ...LOADER_OPTIONS,
  includeDirs: [path.join(ROOT, 'protos'), __dirname],
});
const loaded = grpc.loadPackageDefinition(definition);

function call(client, method, request) {
  return new Promise((resolve, reject) => {
    const deadline = new Date(Date.now() + CALL_DEADLINE_MS);
    client[method](request, { deadline }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

function clients(address) {
  const credentials = grpc.credentials.createInsecure();
  return {
    gateway: new loaded.resume.v1.GatewayService(address, credentials),
    health: new loaded.grpc.health.v1.Health(address, credentials),
  };
}

const FINAL_STATES = new Set(['JOB_STATE_COMPLETED', 'JOB_STATE_FAILED']);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const commands = {
  // {address, file, fileName, mimeType, resumeId, candidateId, organisationId}
  // -> the SubmitResume answer and the final GetJobStatus answer, the latter also as
  //    the bytes Node serialises it to, so that the reader can compare it field by field.
  'submit-and-wait': async ({ address, file, fileName, mimeType, resumeId, candidateId, organisationId }) => {
    const { gateway } = clients(address);
    const submitted = await call(gateway, 'SubmitResume', {
      resumeId, candidateId, organisationId, fileName, mimeType, content: fs.readFileSync(file),
    });
    let status;
    do {
      if (status) await sleep(100);
      status = await call(gateway, 'GetJobStatus', { jobId: submitted.jobId, organisationId });
    } while (!FINAL_STATES.has(status.state));
    const type = definition['resume.v1.GetJobStatusResponse'];
    const statusBytes = type.serialize(status).toString('base64');
    gateway.close();
    return { submitted, status, statusBytes };
  },

  // {address, check} -> HealthResponse
  health: async ({ address, check }) => {
    const { gateway } = clients(address);
    const response = await call(gateway, 'Health', { check });
    gateway.close();
    return response;
  },

  // {address, services} -> grpc.health.v1 Check of each service: its status or error code
  check: async ({ address, services }) => {
    const { health } = clients(address);
    const results = [];
    for (const service of services) {
      try {
        results.push({ service, status: (await call(health, 'Check', { service })).status });
      } catch (error) {
        results.push({ service, code: error.code, details: error.details });
      }
    }
    health.close();
    return { results };
  },
};

runCommands(commands);
