'use client';

export type OverrideTarget = 'receiver' | 'custom';

const OPTIONS: { value: OverrideTarget; label: string }[] = [
  { value: 'receiver', label: 'Managed receiver' },
  { value: 'custom', label: 'Custom URL' },
];

interface OverrideTargetChoiceProps {
  idPrefix: string;
  value: OverrideTarget;
  onChange: (value: OverrideTarget) => void;
}

/** Whether the override points at a managed receiver or at a typed URL; sent as `target`. */
export function OverrideTargetChoice({ idPrefix, value, onChange }: OverrideTargetChoiceProps) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-900">Send webhooks to</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        {OPTIONS.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              id={`${idPrefix}-target-${option.value}`}
              name="target"
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="size-4 accent-blue-800"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
