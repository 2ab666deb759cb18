/** Bad arguments: exit 2, printed with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}
