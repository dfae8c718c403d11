/** Counters the control API reports (`GET /__sim/stats`); control requests never count. */
export interface DialRecord {
  destination: string;
  line: number;
  at: string;
}

export interface UploadRecord {
  kind: 'config-export' | 'packet-capture';
  url: string;
  bytes: number;
  ok: boolean;
  at: string;
}

/** What the phone did with its pushed events (telephony notifications). */
export interface PushStats {
  /** Events posted (each attempt; a duplicate counts twice). */
  sent: number;
  /** Posts that got no answer or a connection error. */
  failed: number;
  /** Events a fault dropped. */
  dropped: number;
  /** HTTP statuses the receiver answered, by code. */
  statuses: Record<string, number>;
  /** Events by element name, e.g. `CallStateChangeEvent`. */
  events: Record<string, number>;
}

export interface SimulatorStats {
  /** REST requests by path (query string dropped), including refused ones. */
  requests: Record<string, number>;
  totalRequests: number;
  /** HTTP status codes answered, by code. */
  httpStatuses: Record<string, number>;
  /** `Status` values answered in JSON bodies, by code. */
  phoneStatuses: Record<string, number>;
  inFlight: number;
  /** The most REST requests ever in flight at once (403-refused ones included). */
  maxConcurrent: number;
  parallelRejected: number;
  queued: number;
  faultsInjected: number;
  dials: DialRecord[];
  transfers: { destination: string; at: string }[];
  dtmf: string[];
  uploads: UploadRecord[];
  pushes: PushStats;
}

/** Fresh, zeroed counters. */
export function emptyStats(): SimulatorStats {
  return {
    requests: {},
    totalRequests: 0,
    httpStatuses: {},
    phoneStatuses: {},
    inFlight: 0,
    maxConcurrent: 0,
    parallelRejected: 0,
    queued: 0,
    faultsInjected: 0,
    dials: [],
    transfers: [],
    dtmf: [],
    uploads: [],
    pushes: { sent: 0, failed: 0, dropped: 0, statuses: {}, events: {} },
  };
}

/** Adds one to a counter in a by-key table. */
export function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}
