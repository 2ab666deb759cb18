/** Why Track as Finding or Not a Finding wrote nothing; the message is one line for the user. */
export class ReaderEditError extends Error {
  constructor(
    readonly code: 'unknown-finding' | 'not-a-block' | 'already-a-finding' | 'inside-finding' | 'not-honoured' | 'changes-others',
    message: string,
  ) {
    super(message);
    this.name = 'ReaderEditError';
  }
}

/** The finding names in a refusal, shortened to a few. */
export function nameList(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}
