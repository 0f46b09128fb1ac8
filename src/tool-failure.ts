// Kept apart from everything else so the small launchers (src/launcher.ts) can use it alone.

/** Message for a failure of connector-gate itself: never the user's fault, never a stack trace. */
export function toolFailureMessage(detail: string): string {
  return `connector-gate failed: ${detail}. This is a bug in connector-gate, not in your connector; please report it.`;
}
