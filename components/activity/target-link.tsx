import Link from 'next/link';

const TYPE_LABEL: Record<string, string> = {
  waba: 'WABA',
  phone_number: 'Number',
  application: 'App',
  user: 'User',
  receiver: 'Receiver',
  onprem_deployment: 'On-Premises',
};

function pageFor(targetType: string, targetId: string): string | null {
  if (targetType === 'waba') return `/wabas/${encodeURIComponent(targetId)}`;
  if (targetType === 'phone_number') return `/numbers/${encodeURIComponent(targetId)}`;
  if (targetType === 'onprem_deployment') return '/on-premises';
  return null;
}

/** The changed thing: its type, and its id linking to its page when it has one. */
export function TargetLink({
  targetType,
  targetId,
  label,
}: {
  targetType: string;
  targetId: string;
  label?: string;
}) {
  const href = pageFor(targetType, targetId);
  const text = label ?? targetId;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-1">
      <span className="text-xs text-slate-700">{TYPE_LABEL[targetType] ?? targetType}</span>
      {href ? (
        <Link href={href} className="font-mono text-xs text-blue-800 underline underline-offset-2">
          {text}
        </Link>
      ) : (
        <span className="font-mono text-xs">{text}</span>
      )}
    </span>
  );
}
