/**
 * A real nginx (Debian's `nginx`) as the county's reverse proxy, started by a test on a loopback
 * port with a throw-away configuration: the server block is docs/nginx-site.conf with its
 * placeholders filled in, wrapped in a minimal main configuration that keeps every file (pid,
 * logs, temp folders) in a temporary folder. Never a system service.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const SITE = path.resolve(__dirname, '..', '..', '..', 'docs', 'nginx-site.conf');
const BINARIES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

const findNginx = () => BINARIES.find((file) => fs.existsSync(file)) ?? null;

/** Why nginx cannot be used here, or null. */
const nginxMissing = () =>
  findNginx() ? null : 'nginx not installed (Debian: apt-get install nginx; .ci/run installs it)';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The site configuration as the tests run it. */
const siteConfig = ({ listen, upstreams, prefix }) =>
  fs
    .readFileSync(SITE, 'utf8')
    .replace(
      '{{UPSTREAM_SERVERS}}',
      upstreams.map((port) => `server 127.0.0.1:${port};`).join('\n    ')
    )
    .replaceAll('{{LISTEN}}', listen)
    .replaceAll('{{PREFIX}}', prefix.replace(/\/+$/, ''));

/**
 * Starts nginx in the foreground (`daemon off`) proxying `prefix` to the given Strapi ports.
 * Resolves with its base URL (including the prefix) once it accepts connections.
 */
const startNginx = async ({ upstreams, prefix = '/bildung', logDir, clientKeepaliveRequests }) => {
  const binary = findNginx();
  if (!binary) throw new Error(nginxMissing());
  const dir = fs.mkdtempSync(path.join(logDir ?? os.tmpdir(), 'nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    fs.mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      // which instance answered each request, for the scenarios' checks
      `  log_format cms '$remote_addr "$request" $status upstream=$upstream_addr';`,
      `  access_log ${dir}/access.log cms;`,
      // nginx closes a client's keep-alive connection after 1,000 requests by default; a load
      // generator then counts its request in flight on that connection as an error
      ...(clientKeepaliveRequests ? [`  keepalive_requests ${clientKeepaliveRequests};`] : []),
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      siteConfig({ listen: `127.0.0.1:${port}`, upstreams, prefix }),
      '}',
      '',
    ].join('\n')
  );
  const test = spawnSync(binary, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', conf], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(binary, ['-p', dir, '-e', `${dir}/error.log`, '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    prefix: prefix.replace(/\/+$/, ''),
    url: `http://127.0.0.1:${port}${prefix.replace(/\/+$/, '')}`,
    dir,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'),
    /** The log's lines as { request, status, ports } (ports: the instances tried, in order). */
    requests: () =>
      fs
        .readFileSync(path.join(dir, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const match = /"([^"]*)" (\d+) upstream=(.*)$/.exec(line);
          return {
            request: match?.[1] ?? line,
            status: Number(match?.[2] ?? 0),
            ports: (match?.[3] ?? '')
              .split(/,\s*/)
              .map((address) => Number(address.split(':').pop()))
              .filter(Boolean),
          };
        }),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGQUIT'); // graceful: finish the open requests
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
};

module.exports = { startNginx, nginxMissing, siteConfig };
