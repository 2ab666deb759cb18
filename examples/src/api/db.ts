export interface Database {
  all(sql: string, params?: unknown[]): Promise<unknown[]>;
}
