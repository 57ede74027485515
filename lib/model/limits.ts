/** Largest model or project file accepted by import, the API and the CLI (documented in the README). */
export const MAX_MODEL_BYTES = 32 * 1024 * 1024;

const mib = (bytes: number) => (bytes >= 1048576 ? ` (${Math.round((bytes / 1048576) * 10) / 10} MiB)` : "");

/** Why a file of `bytes` is refused under `limit`: both sizes, in bytes and MiB. */
export const tooLargeMessage = (bytes: number, limit = MAX_MODEL_BYTES) => `the file is ${bytes} bytes; the limit is ${limit} bytes${mib(limit)}`;

/** A body over `limit` bytes, for HTTP refusals. */
export const bodyTooLargeMessage = (limit = MAX_MODEL_BYTES) => `the body is larger than the limit of ${limit} bytes${mib(limit)}`;
