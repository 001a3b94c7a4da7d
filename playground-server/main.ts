// Starts the playground: `node playground-server/main.ts`.
// Settings come from the environment (see config.ts and the README).

import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`wirebook: ${error.message}`);
  process.exit(2);
}

const running = await startServer(config).catch((error: NodeJS.ErrnoException) => {
  const where = `${config.host}:${config.port}`;
  // A TLS file or port that cannot be used says which variable to fix.
  if (error instanceof ConfigError) {
    console.error(`wirebook: ${error.message}`);
    process.exit(2);
  }
  if (error.code === 'EADDRINUSE') {
    console.error(`wirebook: ${where} is already in use; set PORT to another port`);
  } else {
    console.error(`wirebook: cannot listen on ${where}: ${error.message}`);
  }
  process.exit(1);
});
console.log(`Wirebook is running at ${running.url}/`);
if (running.tls) {
  const { url, files } = running.tls;
  console.log(
    `and with TLS at ${url}/ (certificate: ${files.source}, SHA-256 ${files.fingerprint256})`,
  );
}
console.log('Press Ctrl+C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: closing connections…`);
    void running.close().then(() => process.exit(0));
  });
}
