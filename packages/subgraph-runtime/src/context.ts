import type { Caller } from '@safeguarding/auth';
import type { DataSource } from 'typeorm';

/** What every resolver receives; made fresh per request, loaders included. */
export interface SubgraphContext<Loaders = unknown> {
  caller: Caller;
  loaders: Loaders;
  dataSource: DataSource;
}
