import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { LeanSelect } from '../../components/lean-select.tsx';
import type { ComplaintScope } from '../../data/hooks/complaint-reports.ts';
import { useScopeProjectOptions } from '../../data/hooks/complaint-reports.ts';
import { useCompanyOptions } from '../../data/hooks/org.ts';

type SearchPatch = Record<string, string | undefined>;

/** The page's filters live in the address (shareable, kept on reload); `patch` changes some of them. */
export function useSearchState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const get = useCallback((name: string) => searchParams.get(name) ?? undefined, [searchParams]);
  const patch = useCallback(
    (changes: SearchPatch) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return { get, patch };
}

type ScopePickerProps = { value: ComplaintScope; onChange: (next: ComplaintScope) => void };

/**
 * Company and project for an aggregate, offering only what the user's data scope reaches: a
 * company only to group-wide users (the server refuses a whole company to project-level users),
 * projects from the user's visible projects.
 */
export function ComplaintScopePicker({ value, onChange }: ScopePickerProps) {
  const { me, can } = useSession();
  const canReadOrg = can('org.read');
  const pickCompany = me.scope === 'group' && canReadOrg;
  const companies = useCompanyOptions(pickCompany);
  const projects = useScopeProjectOptions(pickCompany ? value.companyId : undefined);

  const projectOptions = canReadOrg
    ? (projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))
    : me.projects.map((p) => ({ value: p.id, label: p.name }));
  const wholeScope = me.scope === 'group' ? '全集团' : me.scope === 'company' ? (me.company?.name ?? '本公司') : '我负责的全部项目';

  return (
    <>
      {pickCompany && (
        <LeanSelect<string>
          allowClear
          placeholder="全集团（全部公司）"
          aria-label="选择公司"
          style={{ minWidth: 200 }}
          value={value.companyId}
          loading={companies.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(companyId: string | undefined) => onChange({ companyId, projectId: undefined })}
        />
      )}
      <LeanSelect<string>
        allowClear
        placeholder={value.companyId ? '该公司全部项目' : wholeScope}
        aria-label="选择项目"
        style={{ minWidth: 220 }}
        value={value.projectId}
        loading={canReadOrg && projects.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={projectOptions}
        onChange={(projectId: string | undefined) => onChange({ companyId: value.companyId, projectId })}
      />
    </>
  );
}

/** The scope as kept in the address; a company is dropped for users who may not ask for one. */
export function useScopeFromSearch(get: (name: string) => string | undefined): ComplaintScope {
  const { me } = useSession();
  return { companyId: me.scope === 'group' ? get('companyId') : undefined, projectId: get('projectId') };
}
