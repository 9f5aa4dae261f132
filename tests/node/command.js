'use strict';
// Runs `node <script> <command> '<json args>'`: looks the command up, bounds it by
// `timeoutMs` (exit code 2), prints its result as one JSON line, exits 1 on an error.

function print(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function run(commands) {
  const [command, rawArgs = '{}'] = process.argv.slice(2);
  const args = JSON.parse(rawArgs);
  if (!commands[command]) throw new Error(`unknown command ${command}; one of ${Object.keys(commands)}`);
  const timer = setTimeout(() => {
    process.stderr.write(`${command}: no answer within ${args.timeoutMs || 20000} ms\n`);
    process.exit(2);
  }, args.timeoutMs || 20000);
  const result = await commands[command](args);
  clearTimeout(timer);
  if (result !== undefined) print(result);
}

function runCommands(commands) {
  run(commands).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error.stack || error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { print, runCommands };
