import type { RefSelectProps, SelectProps } from 'antd';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * antd's Select whose option list exists in the page only while it is open. A closed Select keeps
 * its options mounted (hidden, cached by the popup), so two selects offering the same names
 * (原/新置业顾问, a filter's and a form's 项目) would leave look-alike options around. This one is
 * remounted when it closes — focus is given back if it had it — so the one option named 「李娜」
 * in the page is the one on screen.
 */
export function LeanSelect<V = unknown>({ onOpenChange, ...props }: SelectProps<V>) {
  const [generation, setGeneration] = useState(0);
  const ref = useRef<RefSelectProps>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    ref.current?.focus();
  }, [generation]);

  return (
    <Select<V>
      key={generation}
      ref={ref}
      {...props}
      onOpenChange={(open) => {
        onOpenChange?.(open);
        if (open) return;
        const root = ref.current?.nativeElement;
        refocus.current = Boolean(root && document.activeElement && root.contains(document.activeElement));
        setGeneration((value) => value + 1);
      }}
    />
  );
}
