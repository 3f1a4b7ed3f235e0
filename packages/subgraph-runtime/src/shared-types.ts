/** Money as the subgraphs serve it (the @shareable types they share are in @safeguarding/federation-contract). */

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
