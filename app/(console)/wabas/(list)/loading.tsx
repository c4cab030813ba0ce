import { PageSkeleton } from '@/components/common/page-skeleton';

export default function Loading() {
  return <PageSkeleton label="Listing WABAs from Graph…" rows={10} />;
}
