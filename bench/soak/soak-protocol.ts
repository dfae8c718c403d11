/** The messages between the soak and its clients' process (soak-clients.ts). */

/** How the clients' requests ended, counted at the wire. */
export interface ClientsReport {
  /** Windows that signed in and opened their socket. */
  sessions: number;
  sent: number;
  answeredOk: number;
  /** Refusals and failures by contract error code. */
  answeredError: Record<string, number>;
  /** Requests whose socket closed before an answer (the client left, or was dropped). */
  endedByClose: number;
  /** Answers to a request already answered. */
  duplicates: number;
  /** Requests never answered within 30 s of the soak's end. */
  hung: number;
}

export type ParentMessage =
  | { type: 'start'; port: number; phoneIds: string[]; users: number; lifetimeMs: number }
  | { type: 'link'; link: string }
  | { type: 'stop' };

export type ChildMessage = { type: 'want-link' } | { type: 'report'; report: ClientsReport };
