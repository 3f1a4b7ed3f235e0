export { createGateway, type GatewayOptions, type RunningGateway } from './gateway';
export { composeSupergraph, presentSubgraphs, SUPERGRAPH_FILE } from './compose';
