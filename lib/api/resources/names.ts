/**
 * Names the API derives from a resource's noun ("adverse event"): the plural its list speaks of and
 * the PascalCase its operationIds and schema names use, so each resource names itself once.
 */

/** "study" → "studies", "adverse event" → "adverse events". */
export function pluralOf(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** "adverse events" → "AdverseEvents": `list${pascalCase(plural)}` is the list's operationId. */
export function pascalCase(words: string): string {
  return words.replace(/(?:^|\s+)(\w)/g, (_, letter: string) => letter.toUpperCase());
}
