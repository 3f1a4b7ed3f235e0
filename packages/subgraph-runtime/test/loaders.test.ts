import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { loaderByKey, selectsField, selectsOnly } from '../src/loaders';

describe('loaderByKey', () => {
  it('batches, keeps key order, and peeks at what it has loaded without a promise', async () => {
    const batches: string[][] = [];
    const loader = loaderByKey<string, { id: string; name: string }>(
      async (keys) => {
        batches.push([...keys]);
        return keys.filter((key) => key !== 'missing').map((id) => ({ id, name: id.toUpperCase() }));
      },
      (row) => row.id,
    );
    expect(loader.peek('a')).toBeUndefined();
    const [a, missing, b] = await Promise.all([loader.load('a'), loader.load('missing'), loader.load('b')]);
    expect([a, missing, b]).toEqual([{ id: 'a', name: 'A' }, null, { id: 'b', name: 'B' }]);
    expect(batches).toEqual([['a', 'missing', 'b']]);
    expect(loader.peek('a')).toEqual({ id: 'a', name: 'A' });
    expect(loader.peek('missing')).toBeNull();
    expect(loader.peek('c')).toBeUndefined();
  });
});

describe('loaderByKey preload', () => {
  it('gives every caller before the batch one promise, settled once the rows can be peeked at', async () => {
    const batches: string[][] = [];
    const loader = loaderByKey<string, { id: string }>(
      async (keys) => {
        batches.push([...keys]);
        return keys.filter((key) => key !== 'missing').map((id) => ({ id }));
      },
      (row) => row.id,
    );
    const first = loader.preload(['a', 'b', 'a']);
    const second = loader.preload(['b', 'missing']);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(loader.peek('a')).toBeUndefined();
    await first;
    expect(batches).toEqual([['a', 'b', 'missing']]);
    expect([loader.peek('a'), loader.peek('b'), loader.peek('missing')]).toEqual([{ id: 'a' }, { id: 'b' }, null]);
    // Nothing new to load: nothing to wait for, and no batch.
    expect(loader.preload(['a', 'missing'])).toBeUndefined();
    expect(batches).toHaveLength(1);
  });

  it('settles without rejecting when the batch fails, leaving the error to load', async () => {
    const loader = loaderByKey<string, { id: string }>(
      async () => {
        throw new Error('database gone');
      },
      (row) => row.id,
    );
    await expect(loader.preload(['a'])).resolves.toBeUndefined();
    expect(loader.peek('a')).toBeUndefined();
    await expect(loader.load('a')).rejects.toThrow('database gone');
  });

  it('waits for a key already on its way through load, without a batch of its own', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batches: string[][] = [];
    const loader = loaderByKey<string, { id: string }>(
      async (keys) => {
        batches.push([...keys]);
        await gate;
        return keys.map((id) => ({ id }));
      },
      (row) => row.id,
    );
    const pending = loader.load('a');
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = loader.preload(['a']);
    expect(waiting).toBeDefined();
    release();
    await waiting;
    expect(loader.peek('a')).toEqual({ id: 'a' });
    await expect(pending).resolves.toEqual({ id: 'a' });
    expect(batches).toEqual([['a']]);
  });
});

describe('selectsField', () => {
  const fieldOf = (source: string) => (parse(source).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  it('finds a direct child field, also inside an inline fragment, and not deeper', () => {
    expect(selectsField({ fieldNodes: [fieldOf('{ members { role organisation { id } } }')] }, 'organisation')).toBe(true);
    expect(selectsField({ fieldNodes: [fieldOf('{ members { ... on Membership { organisation { id } } } }')] }, 'organisation')).toBe(true);
    expect(selectsField({ fieldNodes: [fieldOf('{ members { role } }')] }, 'organisation')).toBe(false);
    expect(selectsField({ fieldNodes: [fieldOf('{ members { post { organisation { id } } } }')] }, 'organisation')).toBe(false);
  });
});

describe('selectsOnly', () => {
  const fieldOf = (source: string) => (parse(source).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  const listed = new Set(['role', 'organisation']);
  it('is true only when every selected field is allowed, looking into inline fragments but not named ones', () => {
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { role organisation { id source { document } } } }')] }, listed)).toBe(true);
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { __typename ... on Membership { role } } }')] }, listed)).toBe(true);
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { role source { document } } }')] }, listed)).toBe(false);
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { ... on Membership { version } } }')] }, listed)).toBe(false);
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { role ...Seat } }')] }, listed)).toBe(false);
    expect(selectsOnly({ fieldNodes: [fieldOf('{ members { role } }'), fieldOf('{ members { list } }')] }, listed)).toBe(false);
  });
});
