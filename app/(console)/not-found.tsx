import { NotFoundMessage } from '@/components/common/not-found-message';

export default function ConsoleNotFound() {
  return (
    <div className="space-y-4">
      <NotFoundMessage />
    </div>
  );
}
