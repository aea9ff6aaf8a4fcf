/**
 * The range of C-collated keys that start with `prefix`: [prefix, prefix + U+10FFFF). In the C
 * collation text compares as UTF-8 bytes, so every key with this start sorts in it (AG9 search).
 */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u{10FFFF}`];
}
