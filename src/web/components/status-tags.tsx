import { Tag } from 'antd';
import type { ProjectStatus, UnitStatus } from '../../common/contracts/org.ts';
import { PROJECT_STATUS_LABELS, UNIT_STATUS_LABELS } from '../../common/contracts/org.ts';
import { PROJECT_STATUS_COLORS, UNIT_STATUS_COLORS } from '../lib/labels.ts';

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  return <Tag color={PROJECT_STATUS_COLORS[status]}>{PROJECT_STATUS_LABELS[status]}</Tag>;
}

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  return <Tag color={UNIT_STATUS_COLORS[status]}>{UNIT_STATUS_LABELS[status]}</Tag>;
}
