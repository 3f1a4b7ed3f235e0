/** Rounds a ratio for display; the figures are reported to fixed decimal places so tests and clients agree. */
export function roundTo(value: number, decimalPlaces: number): number {
  const factor = 10 ** decimalPlaces;
  return Math.round(value * factor) / factor;
}
