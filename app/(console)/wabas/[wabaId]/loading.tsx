import { PageSkeleton } from '@/components/common/page-skeleton';

export default function Loading() {
  return <PageSkeleton label="Reading this WABA from Graph…" rows={8} />;
}
