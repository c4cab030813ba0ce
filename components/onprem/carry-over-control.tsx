'use client';

import { useId, useRef, useState } from 'react';
import { carryOverDeploymentAction } from '@/app/(console)/on-premises/_actions/carry-over-deployment';
import { carryOverNumberAction } from '@/app/(console)/on-premises/_actions/carry-over-number';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { BulkCarryOutcome, CarryOverOutcome } from '@/lib/onprem/bridge';
import { BulkCarryResult, CarryOverResult } from './carry-over-result';

type Target =
  | { kind: 'number'; phoneNumberId: string; display: string; expected: string | null }
  | { kind: 'all'; count: number };

/**
 * Carry the deployment's webhook URL over as a phone override: one number, or every ready number. Meta needs a
 * verify token for an override and the Coreapp had none, so the person gives the one their receiver expects.
 */
export function CarryOverControl({
  deploymentId,
  label,
  webhookUrl,
  target,
}: {
  deploymentId: string;
  label: string;
  webhookUrl: string;
  target: Target;
}) {
  const id = useId();
  const [verifyToken, setVerifyToken] = useState('');
  const [result, setResult] = useState<
    | { kind: 'number'; r: ActionResult<CarryOverOutcome> }
    | { kind: 'all'; r: ActionResult<BulkCarryOutcome> }
    | null
  >(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const what = target.kind === 'number' ? target.display : `all ${target.count} ready numbers of ${label}`;

  async function confirm() {
    if (target.kind === 'number') {
      const r = await carryOverNumberAction({
        deploymentId,
        phoneNumberId: target.phoneNumberId,
        verifyToken,
        expected: target.expected,
      });
      setResult({ kind: 'number', r });
    } else {
      setResult({ kind: 'all', r: await carryOverDeploymentAction({ deploymentId, verifyToken }) });
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-token`} className="text-xs font-medium">
            Verify token{target.kind === 'number' ? ` for ${target.display}` : ''}
          </label>
          <Input
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            value={verifyToken}
            onChange={(e) => setVerifyToken(e.target.value)}
            compact
            fieldWidth="w-48"
          />
        </div>
        <ConfirmDialog
          triggerLabel={target.kind === 'number' ? 'Carry over…' : 'Carry over all ready numbers…'}
          title={`Carry the webhook URL over to ${what}?`}
          description={
            <>
              <p>
                Sets the phone override of {what} to{' '}
                <span className="font-mono text-xs break-all">{webhookUrl}</span>, the URL {label} used. Meta
                first sends a verification request there with your verify token; the result is read back from
                Graph and recorded in Activity.
              </p>
              {target.kind === 'number' && target.expected && (
                <p>
                  It replaces the current phone override{' '}
                  <span className="font-mono text-xs break-all">{target.expected}</span>.
                </p>
              )}
            </>
          }
          confirmLabel="Carry over"
          pendingLabel="Carrying over…"
          onConfirm={confirm}
          disabled={verifyToken === ''}
          resultRef={resultRef}
        />
      </div>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {result?.kind === 'number' && <CarryOverResult result={result.r} />}
        {result?.kind === 'all' && <BulkCarryResult result={result.r} />}
      </div>
    </div>
  );
}
