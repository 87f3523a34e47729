/**
 * Node flags the client starts the language server with: none. The parser
 * allocates little enough that a big file's tree no longer needs a larger
 * young generation (it once passed `--min-semi-space-size=32
 * --max-semi-space-size=64`). Kept, empty, for the benchmark, which starts
 * its server processes with the same flags as the client.
 */
export const SERVER_NODE_FLAGS: readonly string[] = [];
