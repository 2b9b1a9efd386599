import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { PERMISSION_LABELS, type Permission } from '../../common/roles.ts';

// A role's permissions as tags, or `empty` when it has none.
export function PermissionTags({ permissions, empty }: { permissions: readonly Permission[]; empty: ReactNode }) {
  if (permissions.length === 0) return <>{empty}</>;
  return (
    <Space size={[4, 4]} wrap>
      {permissions.map((p) => (
        <Tag key={p} color="green">
          {PERMISSION_LABELS[p] ?? p}
        </Tag>
      ))}
    </Space>
  );
}
