// `npm test`: every check the project has, then one combined line
// "N passed, N failed[, N skipped]". Lint and type-check count as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('lint', 'npx', ['eslint', '.']);
check('typecheck', 'npx', ['tsc', '-b']);
check('security scan (electronegativity, nothing above LOW)', 'node', ['scripts/security-scan.mjs']);

/** Runs a Vitest suite and adds its counts. */
function vitestSuite(label, extraArgs, report) {
  rmSync(report, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const counts = readJson(report);
  if (counts) {
    results.passed += counts.numPassedTests;
    results.failed += counts.numFailedTests;
    results.skipped += (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
    if (counts.numFailedTests > 0) failures.push(label);
  }
  if (!ok && (!counts || counts.numFailedTests === 0)) {
    results.failed++;
    failures.push(`${label} run`);
  }
}

/**
 * The runtime contract's default ports (web shell 8700, webhook receiver 8787)
 * are held while the unit suite runs, as a frame running on the same machine
 * would hold them: a test that binds a fixed port fails here, not on a Pi.
 */
async function holdPorts(ports) {
  const held = [];
  for (const port of ports) {
    const server = createServer();
    const taken = await new Promise((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    held.push(server);
    console.log(taken ? `(port ${port} held during the unit tests)` : `(port ${port} already in use: the unit tests run beside it)`);
  }
  return () => Promise.all(held.map((server) => new Promise((resolve) => (server.listening ? server.close(resolve) : resolve()))));
}

const releasePorts = await holdPorts([8700, 8787]);
vitestSuite('unit tests (with ports 8700 and 8787 taken)', [], 'test-results/unit-report.json');
await releasePorts();

if (run('build', 'npm', ['run', 'build', '--silent'])) {
  const e2eReport = 'test-results/e2e-report.json';
  rmSync(e2eReport, { force: true });
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(e2eReport);
  if (e2e?.stats) {
    results.passed += e2e.stats.expected + e2e.stats.flaky;
    results.failed += e2e.stats.unexpected;
    results.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected > 0) failures.push('end-to-end tests');
  }
  if (!e2eOk && (!e2e?.stats || e2e.stats.unexpected === 0)) {
    results.failed++;
    failures.push('end-to-end run');
  }
  // Fault injection, crash safety and hostile input run against the built web shell.
  vitestSuite('reliability', ['-c', 'vitest.reliability.config.ts'], 'test-results/reliability-report.json');
  // The relay and frames as processes on a real Mosquitto.
  vitestSuite('fleet', ['-c', 'vitest.fleet.config.ts'], 'test-results/fleet-report.json');
} else {
  results.failed++;
  failures.push('build');
}

if (!existsSync('/usr/bin/chromium') && !process.env.FRAME_CHROMIUM) {
  console.log('\nNote: no Chromium at /usr/bin/chromium; set FRAME_CHROMIUM or run `npx playwright install chromium`.');
}
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed === 0 ? 0 : 1);
