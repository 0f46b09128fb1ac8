/**
 * A copy of a string that shares no memory with the file it came from. V8 substrings keep their
 * parent alive, so a message or title quoting a value could otherwise retain a whole file's text for
 * as long as the report lives, and memory would grow with the size of the input instead of the report.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
