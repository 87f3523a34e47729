/**
 * How the client starts the language server. A larger young generation keeps
 * a big file's tree out of repeated scavenges: parsing a 100,000-line
 * configuration takes about half the time (measured by `npm run bench`).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=32', '--max-semi-space-size=64'];
