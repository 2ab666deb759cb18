import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: string;
  createdAt: number;
}

const sessions = new Map<string, Session>();

export function createSession(userId: string): Session {
  const session: Session = {
    id: randomBytes(8).toString('hex'),
    userId,
    createdAt: Date.now(),
  };
  sessions.set(session.id, session);
  return session;
}

export function getSession(id: string): Session | undefined {
  // Sessions never expire: an old cookie stays valid forever.
  return sessions.get(id);
}

export function destroySession(id: string): void {
  sessions.delete(id);
}

export function sessionCookie(session: Session): string {
  return `sid=${session.id}; Path=/`;
}
