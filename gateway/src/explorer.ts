import path from 'node:path';
import express from 'express';

/**
 * GraphiQL served from the gateway's own node_modules, so the explorer works with no internet.
 * Development only: production mode turns it off with introspection.
 */
export function explorerRouter(graphqlPath: string): express.Router {
  const router = express.Router();
  // Packages' "exports" hide their UMD builds from require.resolve; locate the package folders instead.
  const packageFile = (packageName: string, file: string) => path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file);
  const assets: Record<string, string> = {
    'react.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  };
  router.get('/explorer/assets/:name', (request, response) => {
    const asset = assets[request.params.name];
    if (!asset) return void response.status(404).end();
    response.sendFile(asset, { maxAge: '1d' });
  });
  router.get('/explorer', (_request, response) => {
    response.type('html').send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Safeguarding partnerships — GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
    const defaultQuery = '# Paste a token from "npm run token -- analyst" into Headers as {"Authorization": "Bearer ..."}\\n{\\n  partnerships { id name leadSafeguardingPartners { id organisation { id name sector } } }\\n}\\n';
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, isHeadersEditorEnabled: true }),
    );
  </script>
</body>
</html>`);
  });
  return router;
}
