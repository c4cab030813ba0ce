export interface FieldSizeProps {
  /** h-8 instead of h-9: a field inside a table row or next to small buttons. */
  compact?: boolean;
  /**
   * `auto` (as wide as its content, never wider than its container: a select's longest option must not push a
   * 390 px page sideways), a Tailwind width class, or the full width (the default).
   */
  fieldWidth?: 'full' | 'auto' | `w-${string}`;
}

/**
 * An input's or select's height and width as props rather than classes a caller adds: in client components cn
 * joins classes without merging them (tailwind-merge stays off the client), so an added `w-auto` would not
 * replace `w-full`.
 */
export function fieldSize({ compact, fieldWidth = 'full' }: FieldSizeProps): string {
  const w = fieldWidth === 'full' ? 'w-full' : fieldWidth === 'auto' ? 'w-auto max-w-full' : fieldWidth;
  return `${compact ? 'h-8' : 'h-9'} ${w}`;
}
