// An ILIKE pattern that finds `text` anywhere in a value, taking what a person typed literally:
// LIKE's wildcards (% and _) and its escape character (\) are escaped.
export function containsPattern(text: string): string {
  return `%${text.replaceAll('\u0000', '').replace(/[\\%_]/g, '\\$&')}%`;
}
