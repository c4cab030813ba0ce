import { Section } from '@/components/common/section';

export const NUMBER_CHECK_DESCRIPTION =
  "Every condition Meta's delivery of messages webhooks to this app depends on, in the order it depends on them.";
export const WABA_CHECK_DESCRIPTION =
  "Conditions every number of this WABA shares, then each number's verdict.";

/** A delivery check's section while its code loads: the same frame, "Checking…". */
export function Checking({ id, description }: { id: string; description: string }) {
  return (
    <Section id={id} title="Delivery check" description={description}>
      <p className="text-sm text-slate-700">Checking…</p>
    </Section>
  );
}
