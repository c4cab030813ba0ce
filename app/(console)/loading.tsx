import { PageSkeleton } from '@/components/common/page-skeleton';

export default function Loading() {
  return <PageSkeleton label="Reading the fleet from Graph…" />;
}
