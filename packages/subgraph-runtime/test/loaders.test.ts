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
