import { Alert } from '@/components/ui/alert';

export function ReadFailureNote({ message }: { message: string }) {
  return <Alert variant="destructive">{message}</Alert>;
}
