/**
 * The deployment descriptions stay valid and in step with the code: every manifest in
 * deploy/kubernetes/ validates against the Kubernetes API schemas (kubernetes-models), each
 * subgraph in packages/config has a Deployment (migrate step, probes on /ready and /health, its
 * port), a Service and a PodDisruptionBudget, and docker-compose.yml has the matching restart
 * policies and health checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';
import { presentSubgraphs } from '../src/compose';

const FOLDER = path.join(REPOSITORY_ROOT, 'deploy', 'kubernetes');
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: any;
  data?: Record<string, string>;
}

const kustomization = parseYaml(fs.readFileSync(path.join(FOLDER, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const files = fs.readdirSync(FOLDER).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
const manifests: (Manifest & { file: string })[] = files.flatMap((file) =>
  parseAllDocuments(fs.readFileSync(path.join(FOLDER, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return { ...(document.toJS() as Manifest), file };
  }),
);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const subgraphs = SUBGRAPHS.filter((s) => presentSubgraphs().some((p) => p.name === s.name));

describe('deploy/kubernetes', () => {
  it('lists every manifest file in kustomization.yaml', () => {
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  it.each(manifests.map((m) => [`${m.file}: ${m.kind} ${m.metadata.name}`, m] as const))('%s is valid against the Kubernetes schema', (_label, manifest) => {
    const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
    expect(Model).toBeDefined();
    const { file: _file, ...resource } = manifest;
    expect(() => new Model!(resource as never).validate()).not.toThrow();
  });

  it('catches an invalid manifest (the validation is real)', () => {
    const deployment = structuredClone(find('Deployment', 'gateway')!);
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'four thousand';
    const { file: _file, ...resource } = deployment;
    expect(() => new Deployment(resource as never).validate()).toThrow(/containerPort must be integer/);
  });

  it.each(subgraphs.map((s) => [s.name, s.port] as const))('runs %s with its migrate step, probes, port %i, Service and PodDisruptionBudget', (name, port) => {
    const deployment = find('Deployment', name)!;
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(pod.initContainers[0].command).toEqual(['node', '--max-semi-space-size=64', `services/${name}/dist/main.js`, 'migrate']);
    const container = pod.containers[0];
    expect(container.command).toEqual(['node', '--max-semi-space-size=64', `services/${name}/dist/main.js`]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(container.env).toContainEqual({ name: `${name.toUpperCase()}_PORT`, value: String(port) });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    // Secrets only from the Secret (created from the environment), never written in a manifest.
    expect(container.envFrom).toContainEqual({ secretRef: { name: 'safeguarding-secrets' } });
    expect(find('Service', name)!.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    expect(find('PodDisruptionBudget', name)!.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } });
    expect(find('Deployment', 'gateway')!.spec.template.spec.containers[0].env).toContainEqual({
      name: `${name.toUpperCase()}_URL`,
      value: `http://${name}:${port}/graphql`,
    });
  });

  it('runs several gateways sharing Redis, kept available through disruptions', () => {
    const gateway = find('Deployment', 'gateway')!;
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(find('PodDisruptionBudget', 'gateway')!.spec.minAvailable).toBeLessThan(gateway.spec.replicas);
    expect(find('ConfigMap', 'safeguarding-config')!.data!.REDIS_URL).toBe('redis://redis:6379');
    expect(find('Service', 'redis')).toBeDefined();
  });

  it('writes no secret value into any manifest', () => {
    const text = files.map((file) => fs.readFileSync(path.join(FOLDER, file), 'utf8')).join('\n');
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(text).not.toMatch(/postgres(ql)?:\/\/[^\s"]*:[^\s"]*@/); // no password in a URL
  });
});

describe('docker-compose.yml restart policies and health checks', () => {
  const compose = parseYaml(fs.readFileSync(path.join(REPOSITORY_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { restart?: string; healthcheck?: { test: string[] }; environment?: Record<string, string> }>;
  };

  it.each(subgraphs.map((s) => [s.name, s.port] as const))('restarts %s on failure and checks its /ready on port %i', (name, port) => {
    const service = compose.services[name]!;
    expect(service.restart).toBe('on-failure:5');
    expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/ready`);
  });

  it('restarts the gateway on failure, checks its /health, and gives it Redis', () => {
    const gateway = compose.services.gateway!;
    expect(gateway.restart).toBe('on-failure:5');
    expect(gateway.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:4000/health');
    expect(gateway.environment!.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });
});
