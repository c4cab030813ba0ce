import { Search } from 'lucide-react';
import Link from 'next/link';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * A plain GET form: the search lives in the URL (shareable, back-button friendly) and works without
 * JavaScript. Submitting starts again at page 1.
 */
export function WabaSearch({ q }: { q: string }) {
  return (
    <search>
      <form method="get" action="/wabas" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1 space-y-1">
          <Label htmlFor="waba-search">Search by name or WABA id</Label>
          <Input
            id="waba-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="e.g. Acme or 1029384756"
          />
        </div>
        <Button type="submit">
          <Search aria-hidden="true" />
          Search
        </Button>
        {q && (
          <Link href="/wabas" className={buttonVariants({ variant: 'ghost' })}>
            Clear search
          </Link>
        )}
      </form>
    </search>
  );
}
