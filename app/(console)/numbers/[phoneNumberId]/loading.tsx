import { PageSkeleton } from '@/components/common/page-skeleton';

export default function Loading() {
  return <PageSkeleton label="Reading this number from Graph…" rows={5} />;
}
