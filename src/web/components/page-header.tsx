import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title row with its actions on the right (wrapping under the title on a phone). */
export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-title">
      <div>
        <Typography.Title level={3}>{title}</Typography.Title>
        {children}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
