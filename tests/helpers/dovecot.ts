/**
 * A throw-away IMAP server for the tests: Debian's Dovecot (`dovecot-imapd`), started from its own
 * configuration in a temporary folder on a free loopback port (never the system service).
 * Plain-text login is allowed because it listens on 127.0.0.1 only; one user from a passwd file,
 * whose Maildir lies in the same temporary folder. Without /usr/sbin/dovecot the IMAP tests are
 * skipped with a printed notice (`.ci/run` installs it).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import net from 'net';
import { execFileSync, spawn, type ChildProcess } from 'child_process';

export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
export const hasDovecot = fs.existsSync(DOVECOT);

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** the Maildir of the user (for looking at flags on disk, if ever needed) */
  maildir: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const waitForPort = async (port: number, child: ChildProcess, log: string, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
  throw new Error(`Dovecot did not start on 127.0.0.1:${port} (exit ${child.exitCode}): ${text}`);
};

export const startDovecot = async (): Promise<Dovecot> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-dovecot-'));
  // Dovecot drops to these users; they must be able to enter the folder
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'bounces';
  const pass = 'bounce-test-password';
  const maildir = path.join(dir, 'mail', user);
  fs.mkdirSync(maildir, { recursive: true });
  const runningAs = os.userInfo();
  // Dovecot refuses to access mail as root: as root, the mail belongs to `nobody`
  const mailUser =
    runningAs.uid === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'nobody']).toString().trim()),
          gid: Number(execFileSync('id', ['-g', 'nobody']).toString().trim()),
        }
      : { uid: runningAs.uid, gid: runningAs.gid };
  fs.chownSync(maildir, mailUser.uid, mailUser.gid);
  fs.chownSync(path.dirname(maildir), mailUser.uid, mailUser.gid);
  fs.writeFileSync(
    path.join(dir, 'users'),
    `${user}:{PLAIN}${pass}:${mailUser.uid}:${mailUser.gid}::${maildir}::\n`
  );
  const log = path.join(dir, 'dovecot.log');
  const config = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${log}`,
    `info_log_path = ${log}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `mail_location = maildir:${maildir}`,
    `first_valid_uid = ${Math.min(mailUser.uid, 500)}`,
    `default_login_user = ${runningAs.uid === 0 ? 'dovenull' : runningAs.username}`,
    `default_internal_user = ${runningAs.uid === 0 ? 'dovecot' : runningAs.username}`,
    'service imap-login {',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '  chroot =',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${dir}/users`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${mailUser.uid} gid=${mailUser.gid} home=${maildir}`,
    '}',
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    '',
  ].join('\n');
  const configFile = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(configFile, config);
  const child = spawn(DOVECOT, ['-F', '-c', configFile], { stdio: 'ignore' });
  await waitForPort(port, child, log);
  return {
    host: '127.0.0.1',
    port,
    user,
    pass,
    maildir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
