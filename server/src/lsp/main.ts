/** Entry point of the bundled language server (`dist/server.js`). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { startServer } from './server';

/**
 * Over stdio the message reader is ours, so that a frame the server cannot
 * read (a missing or bad `Content-Length`) ends the process with a reason on
 * stderr: the reader cannot find the next message after such a frame, and a
 * server that silently stops answering is never restarted by its client.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let shutdown = false;
  reader.onError((error) => {
    // The first line only: the rest quotes the client's headers.
    const reason = (error.message.split('\n')[0] ?? '').slice(0, 200);
    process.stderr.write(`alloy-selfmon server: cannot read a message from the client (${reason}); exiting so that the client restarts the server.\n`);
    process.exit(2);
  });
  // The library does this for a stream it is given; given a reader, it is ours to do.
  const ended = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => {
    shutdown = true;
  });
  // stdout carries the protocol: anything logged goes to stderr.
  console.log = console.info = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

// A bug must never take the server down: log it where the user can see it.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection);
