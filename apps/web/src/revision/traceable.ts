/** Source keys the API traces (the same rule as the API: cost share and settlement lines only). */
export function isTraceable(sourceKey: string): boolean {
  return sourceKey.startsWith('cost-share:') || sourceKey.startsWith('settlement:');
}
