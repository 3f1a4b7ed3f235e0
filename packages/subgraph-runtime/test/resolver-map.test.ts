import { GraphQLScalarType } from 'graphql';
import { mergeResolvers } from '../src/resolver-map';

describe('mergeResolvers', () => {
  it('merges the fields of one type from several files', () => {
    const merged = mergeResolvers<Record<string, Record<string, unknown>>>({
      'query.ts': { Query: { partnership: () => 'a' } },
      'coverage.ts': { Query: { learningCoverage: () => 'b' }, Theme: { courses: () => [] } },
    });
    expect(Object.keys(merged.Query!).sort()).toEqual(['learningCoverage', 'partnership']);
    expect(Object.keys(merged.Theme!)).toEqual(['courses']);
  });

  it('throws on a field defined twice, naming both files', () => {
    expect(() => mergeResolvers({ 'query.ts': { Query: { partnership: () => 'a' } }, 'partnership.ts': { Query: { partnership: () => 'b' } } })).toThrow(
      'Query.partnership has a resolver in both "query.ts" and "partnership.ts"',
    );
  });

  it('keeps a scalar as one value and refuses a second definition', () => {
    const DateScalar = new GraphQLScalarType({ name: 'Date' });
    const merged = mergeResolvers<Record<string, unknown>>({ scalars: { Date: DateScalar } });
    expect(merged.Date).toBe(DateScalar);
    expect(() => mergeResolvers({ a: { Date: DateScalar }, b: { Date: DateScalar } })).toThrow('Date has a resolver in both "a" and "b"');
  });
});
