'use client';

import { SegmentError } from '@/components/common/segment-error';

export default function WabaError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} what="this WABA" />;
}
