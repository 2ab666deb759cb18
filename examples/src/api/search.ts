import type { Database } from './db';

export interface SearchQuery {
  term: string;
  limit?: number;
}

export async function search(db: Database, query: SearchQuery): Promise<unknown[]> {
  const limit = query.limit ?? 50;
  // The term is pasted into SQL as-is.
  const sql = `SELECT * FROM items WHERE name LIKE '%${query.term}%' LIMIT ${limit}`;
  return db.all(sql);
}

export async function searchCount(db: Database, term: string): Promise<number> {
  const rows = await db.all('SELECT COUNT(*) AS n FROM items WHERE name LIKE ?', [`%${term}%`]);
  return Number((rows[0] as { n: number }).n);
}
