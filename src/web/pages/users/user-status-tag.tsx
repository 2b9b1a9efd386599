import { Tag } from 'antd';
import type { User } from '../../../common/contracts/users.ts';
import { formatDateTime, isInFuture } from '../../lib/format.ts';

export function UserStatusTag({ user }: { user: Pick<User, 'active' | 'lockedUntil'> }) {
  if (!user.active) return <Tag>停用</Tag>;
  if (isInFuture(user.lockedUntil)) return <Tag color="red">锁定至 {formatDateTime(user.lockedUntil)}</Tag>;
  return <Tag color="green">启用</Tag>;
}
