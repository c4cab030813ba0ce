'use client';

import { Eye, EyeOff } from 'lucide-react';
import { type ComponentProps, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A password-type input with a show/hide toggle: verify tokens are secrets, but typos in them are common. */
export function VerifyTokenInput({ id, ...props }: ComponentProps<'input'> & { id: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        type={visible ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        className="font-mono"
        {...props}
      />
      <Button variant="outline" aria-controls={id} onClick={() => setVisible((v) => !v)}>
        {visible ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
        {visible ? 'Hide token' : 'Show token'}
      </Button>
    </div>
  );
}
