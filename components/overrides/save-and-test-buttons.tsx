import { PendingLabel } from '@/components/common/pending-label';
import { Button } from '@/components/ui/button';

/** A routing form's buttons: save (verifies, then writes) and, where the role may, *Test callback* alone. */
export function SaveAndTestButtons({
  submitLabel,
  savePending,
  testPending,
  onTest,
}: {
  submitLabel: string;
  savePending: boolean;
  testPending: boolean;
  /** Absent when the role may not test callbacks: the button is not shown. */
  onTest?: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit">
        <PendingLabel pending={savePending} idle={submitLabel} busy="Verifying and saving…" />
      </Button>
      {onTest && (
        <Button variant="outline" onClick={onTest}>
          <PendingLabel pending={testPending} idle="Test callback" busy="Testing…" />
        </Button>
      )}
    </div>
  );
}
