import { useConsultantOptions, useScopeProjects } from '../data/hooks/prospects.ts';
import { LeanSelect } from './lean-select.tsx';

type ScopeFilterProps = {
  value?: string;
  /** Cleared gives undefined. */
  onChange: (id: string | undefined) => void;
  ariaLabel?: string;
  minWidth?: number;
};

/** 「全部项目」: a list filter over the projects in the caller's scope, searchable by name. */
export function ProjectFilter({ value, onChange, ariaLabel = '按项目筛选', minWidth = 180 }: ScopeFilterProps) {
  const projects = useScopeProjects();
  return (
    <LeanSelect<string>
      allowClear
      placeholder="全部项目"
      aria-label={ariaLabel}
      style={{ minWidth }}
      value={value}
      loading={projects.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
      onChange={(projectId: string | undefined) => onChange(projectId)}
    />
  );
}

/**
 * 「全部置业顾问」: a list filter over the sales consultants the caller may see. The consultants are
 * fetched once it is rendered, so render it only where the caller may filter by consultant.
 */
export function ConsultantFilter({ value, onChange, ariaLabel = '按置业顾问筛选', minWidth = 160 }: ScopeFilterProps) {
  const consultants = useConsultantOptions(true);
  return (
    <LeanSelect<string>
      allowClear
      placeholder="全部置业顾问"
      aria-label={ariaLabel}
      style={{ minWidth }}
      value={value}
      loading={consultants.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={consultants.data?.map((u) => ({ value: u.id, label: u.displayName })) ?? []}
      onChange={(consultantId: string | undefined) => onChange(consultantId)}
    />
  );
}
