'use client';

import { SegmentError } from '@/components/common/segment-error';

export default function NumberError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} what="this number" />;
}
