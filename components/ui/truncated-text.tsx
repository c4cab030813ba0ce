'use client';

import * as TooltipPrimitive from '@radix-ui/react-tooltip';
import { cn } from '#cn';

/**
 * A value cut to one line with an ellipsis; the full value shows on hover and on keyboard focus (a tooltip), so a
 * long URL in a narrow column can still be read without opening anything. Screen readers read the whole text.
 */
export function TruncatedText({ value, className }: { value: string; className?: string }) {
  return (
    <TooltipPrimitive.Provider delayDuration={300}>
      <TooltipPrimitive.Root>
        <TooltipPrimitive.Trigger asChild>
          <span
            // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the full value, as hover does
            tabIndex={0}
            className={cn(
              'block truncate rounded-sm focus-visible:outline-2 focus-visible:outline-blue-700',
              className,
            )}
          >
            {value}
          </span>
        </TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side="bottom"
            align="start"
            sideOffset={4}
            className="z-50 max-w-[min(40rem,90vw)] rounded-md bg-slate-900 px-2 py-1 font-mono text-xs break-all text-white shadow-md"
          >
            {value}
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
