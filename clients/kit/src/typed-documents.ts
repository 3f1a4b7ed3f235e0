import { type DocumentNode, Kind } from 'graphql';
import * as generated from '../generated/gql/graphql';

/** Every operation the kit generated a typed document for (the gateway's persisted operations and the kit's own). */
export const typedDocuments: DocumentNode[] = Object.entries(generated)
  .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT)
  .map(([, value]) => value as DocumentNode);
