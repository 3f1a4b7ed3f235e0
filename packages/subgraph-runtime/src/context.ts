import type { Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';

/** What every resolver receives; made fresh per request, loaders included. */
export interface SubgraphContext<Loaders = unknown> {
  caller: Caller;
  loaders: Loaders;
  dataSource: DataSource;
  /** The gateway's request id (x-request-id), for logs and the audit trail. */
  requestId?: string;
  /** Partnerships a mutation concerns that its arguments do not show; the audit trail adds them. */
  auditPartnershipSlugs?: Set<string>;
  /** The record as it was before this mutation changed or corrected it; the audit trail keeps it (recordReplacedValue). */
  auditReplaced?: unknown;
}
