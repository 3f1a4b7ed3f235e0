/** Resolvers for small types several subgraphs declare (@shareable), so they behave the same everywhere. */

export const sourceCitationResolvers = {
  synthetic: (citation: { synthetic?: boolean }) => citation.synthetic ?? false,
};

export interface Money {
  minorUnits: number;
  currency: string;
  formatted: string;
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Money from integer pence; null stays null (a missing amount is not zero). */
export function moneyFromPence(minorUnits: number | null | undefined): Money | null {
  if (minorUnits === null || minorUnits === undefined) return null;
  return { minorUnits, currency: 'GBP', formatted: pounds.format(minorUnits / 100) };
}

