export { createGateway, type GatewayOptions, type RunningGateway } from './gateway';
export { composeSupergraph, presentSubgraphs, SUPERGRAPH_FILE } from './compose';
export { DEFAULT_QUERY_LIMITS, defaultLimits } from './limits';
export { checkManifest, loadManifest, manifestEntry, sha256, type PersistedOperationManifest, type PersistedOperationsMode } from './persisted-operations';
