import { Check } from 'lucide-react';

/** Marks the tier that delivers: a check icon plus the word, never colour alone. */
export function WinsMarker() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-800 px-2 py-0.5 text-xs font-semibold text-white">
      <Check aria-hidden="true" className="size-3" />
      Wins
    </span>
  );
}
