export function logRequest(method: string, url: string, headers: Record<string, string>): void {
  // Logs every header, Authorization included.
  console.log(method, url, JSON.stringify(headers));
}

export function logError(err: unknown): void {
  console.error(err);
}
