// Preloaded into the bundled CLI or action (node --import) by the hostile suite. It records what
// the process does to the world and refuses the network and child processes:
// - network: every socket connect, DNS lookup/resolve and fetch is recorded and fails;
// - processes: every child_process call is recorded and fails (set HOSTILE_SANDBOX_ALLOW_PROCESSES=1
//   to record without failing, for the action, whose git-based features may run git);
// - files: every path opened for reading, listed, or written is recorded (absolute);
// - memory: peak RSS (KiB) at exit.
// The record is written as JSON to HOSTILE_SANDBOX_FILE when the process exits.
import childProcess from 'node:child_process';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const recordFile = process.env.HOSTILE_SANDBOX_FILE;
const allowProcesses = process.env.HOSTILE_SANDBOX_ALLOW_PROCESSES === '1';
const record = { network: [], processes: [], reads: [], listings: [], writes: [], maxRssKiB: 0 };
const writeRecord = fs.writeFileSync;

function where(file) {
  if (typeof file === 'number') return undefined; // a descriptor: its path was recorded when it was opened
  if (file instanceof URL) return file.pathname;
  if (Buffer.isBuffer(file)) return path.resolve(file.toString());
  return typeof file === 'string' ? path.resolve(file) : undefined;
}

function blocked(kind, detail) {
  record.network.push(`${kind} ${detail}`);
  const error = new Error(`hostile sandbox: ${kind} ${detail} is not allowed`);
  error.code = 'EHOSTILESANDBOX';
  return error;
}

function describeTarget(args) {
  const first = args[0];
  if (Array.isArray(first)) return describeTarget(first);
  if (first && typeof first === 'object') return `${first.host ?? first.path ?? ''}:${first.port ?? ''}`;
  return args.filter((arg) => typeof arg !== 'function').join(':');
}

// Network ------------------------------------------------------------------------------------
net.Socket.prototype.connect = function connect(...args) {
  throw blocked('connect', describeTarget(args));
};
for (const api of [dns, dns.promises]) {
  for (const name of Object.keys(api)) {
    if (typeof api[name] !== 'function' || !/^(lookup|resolve)/.test(name)) continue;
    api[name] = (...args) => {
      throw blocked(`dns.${name}`, String(args[0]));
    };
  }
}
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => {
    throw blocked('fetch', String(input?.url ?? input));
  };
}

// Child processes ------------------------------------------------------------------------------
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function (...args) {
    record.processes.push([name, ...args.filter((arg) => typeof arg === 'string' || Array.isArray(arg)).flat().map(String)].join(' '));
    if (!allowProcesses) throw new Error(`hostile sandbox: child_process.${name} is not allowed`);
    return original.apply(this, args);
  };
}

// Files ------------------------------------------------------------------------------------------
function isWrite(flags) {
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !== 0;
  return typeof flags === 'string' && /[wa+]/.test(flags);
}

function spy(api, name, kind) {
  const original = api[name];
  if (typeof original !== 'function') return;
  api[name] = function (...args) {
    const file = where(args[0]);
    if (file !== undefined) {
      const flags = kind === 'open' ? (typeof args[1] === 'object' && args[1] !== null ? args[1].flags : args[1]) : undefined;
      const list = kind === 'write' || (kind === 'open' && isWrite(flags)) ? record.writes : kind === 'list' ? record.listings : record.reads;
      list.push(file);
    }
    return original.apply(this, args);
  };
}

for (const name of ['readFileSync', 'readFile', 'createReadStream']) spy(fs, name, 'read');
for (const name of ['openSync', 'open']) spy(fs, name, 'open');
for (const name of ['readdirSync', 'readdir', 'opendirSync', 'opendir']) spy(fs, name, 'list');
for (const name of ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'mkdirSync', 'mkdir', 'rmSync', 'unlinkSync', 'renameSync']) spy(fs, name, 'write');
spy(fs.promises, 'readFile', 'read');
spy(fs.promises, 'open', 'open');
spy(fs.promises, 'readdir', 'list');
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename']) spy(fs.promises, name, 'write');

process.on('exit', () => {
  record.maxRssKiB = process.resourceUsage().maxRSS;
  if (recordFile) writeRecord(recordFile, JSON.stringify(record));
});
