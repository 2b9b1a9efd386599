import {
  CheckCircleOutlined,
  CommentOutlined,
  EditOutlined,
  PhoneOutlined,
  RedoOutlined,
  RightCircleOutlined,
  RollbackOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ComplaintStatus } from '../../../common/complaints.ts';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { useSession } from '../../auth/session.tsx';
import type { TransitionTarget } from '../../data/hooks/complaints.ts';
import { AssignModal } from './assign-modal.tsx';
import { CallbackModal } from './callback-modal.tsx';
import { CloseModal } from './close-modal.tsx';
import { CustomerLinkButton } from './customer-link-button.tsx';
import { MessageModal } from './message-modal.tsx';
import { ReopenModal } from './reopen-modal.tsx';
import { TransitionModal } from './transition-modal.tsx';

type Move = { to: TransitionTarget; label: string; back?: boolean };

// The next steps a handler takes from each status (the server's rules.ts NEXT, less 分派 and 关闭).
const MOVES: Record<ComplaintStatus, Move[]> = {
  received: [],
  assigned: [{ to: 'investigating', label: '开始调查' }],
  investigating: [{ to: 'solution_proposed', label: '提出方案' }],
  solution_proposed: [
    { to: 'in_progress', label: '实施处理' },
    { to: 'investigating', label: '退回调查', back: true },
  ],
  in_progress: [
    { to: 'awaiting_callback', label: '处理完毕，待回访' },
    { to: 'solution_proposed', label: '调整方案', back: true },
  ],
  awaiting_callback: [{ to: 'in_progress', label: '退回处理', back: true }],
  closed: [],
};

type Open =
  | { kind: 'assign'; self: boolean }
  | { kind: 'move'; move: Move }
  | { kind: 'reply' | 'note' | 'callback' | 'close' | 'reopen' };

/** What can be done to the complaint in its status; each opens its own small form. */
export function ComplaintActions({ complaint: c }: { complaint: ComplaintDetail }) {
  const { me, can } = useSession();
  const [open, setOpen] = useState<Open | null>(null);
  if (!can('complaints.write')) return null;

  const closed = c.status === 'closed';
  const canPickUser = can('users.read');
  const buttons: ReactNode[] = [];
  const add = (key: string, node: ReactNode) => buttons.push(<span key={key}>{node}</span>);

  if (!closed) {
    for (const move of MOVES[c.status]) {
      add(
        `move-${move.to}`,
        <Button
          type={move.back ? 'default' : 'primary'}
          icon={move.back ? <RollbackOutlined /> : <RightCircleOutlined />}
          onClick={() => setOpen({ kind: 'move', move })}
        >
          {move.label}
        </Button>,
      );
    }
    if (c.status === 'awaiting_callback') {
      add('callback', <Button type="primary" icon={<PhoneOutlined />} onClick={() => setOpen({ kind: 'callback' })}>回访</Button>);
      add('close', <Button icon={<CheckCircleOutlined />} onClick={() => setOpen({ kind: 'close' })}>关闭</Button>);
    }
    if (canPickUser) {
      add(
        'assign',
        <Button type={c.status === 'received' ? 'primary' : 'default'} icon={<SwapOutlined />} onClick={() => setOpen({ kind: 'assign', self: false })}>
          {c.status === 'received' ? '分派' : '移交'}
        </Button>,
      );
    }
    // Taking a complaint on: one's own (or an unowned) complaint moves on from 「已受理」 this way.
    const canTake = c.status === 'received' ? !c.handler || c.handler.id === me.id : !c.handler && !canPickUser;
    if (canTake) {
      add(
        'take',
        <Button type={canPickUser ? 'default' : 'primary'} icon={<UserAddOutlined />} onClick={() => setOpen({ kind: 'assign', self: true })}>
          由我处理
        </Button>,
      );
    }
    add('reply', <Button icon={<CommentOutlined />} onClick={() => setOpen({ kind: 'reply' })}>答复客户</Button>);
  }
  add('note', <Button icon={<EditOutlined />} onClick={() => setOpen({ kind: 'note' })}>内部备注</Button>);
  if (!c.customerId && c.suggestedCustomerId) add('customer', <CustomerLinkButton complaint={c} />);
  if (closed) {
    add('reopen', <Button danger icon={<RedoOutlined />} onClick={() => setOpen({ kind: 'reopen' })}>重新打开</Button>);
  }

  const close = () => setOpen(null);
  return (
    <>
      <Space wrap>{buttons}</Space>
      {open?.kind === 'assign' && <AssignModal complaint={c} self={open.self} onClose={close} />}
      {open?.kind === 'move' && <TransitionModal complaint={c} to={open.move.to} label={open.move.label} onClose={close} />}
      {(open?.kind === 'reply' || open?.kind === 'note') && <MessageModal complaint={c} kind={open.kind} onClose={close} />}
      {open?.kind === 'callback' && <CallbackModal complaint={c} onClose={close} />}
      {open?.kind === 'close' && <CloseModal complaint={c} onClose={close} />}
      {open?.kind === 'reopen' && <ReopenModal complaint={c} onClose={close} />}
    </>
  );
}
