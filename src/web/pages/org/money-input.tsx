import type { InputNumberProps } from 'antd';
import { InputNumber } from 'antd';

function groupThousands(value: number | string | undefined): string {
  if (value === undefined || value === '') return '';
  const [integer, decimals] = String(value).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** A yuan amount shown with thousands separators (1,234,567) while the form keeps a number. */
export function MoneyInput(props: Omit<InputNumberProps, 'formatter' | 'parser'>) {
  return (
    <InputNumber
      min={0}
      style={{ width: '100%' }}
      prefix="¥"
      {...props}
      formatter={(value) => groupThousands(value)}
      // An empty string leaves the field empty (null) instead of 0.
      parser={(text) => (text ?? '').replace(/[,\s¥]/g, '')}
    />
  );
}
