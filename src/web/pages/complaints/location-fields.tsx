import { Col, Form, Row } from 'antd';
import { useBuildings } from '../../data/hooks/org.ts';
import { useUnitOptions } from '../../data/hooks/complaints.ts';
import { useScopeProjects } from '../../data/hooks/prospects.ts';
import { LeanSelect } from '../../components/lean-select.tsx';

type LocationValues = { projectId?: string; buildingId?: string | null; unitId?: string | null };

/** 项目 (required): choosing another clears 楼栋 and 房号. */
export function ProjectField() {
  const form = Form.useFormInstance<LocationValues>();
  const projects = useScopeProjects();
  return (
    <Form.Item label="项目" name="projectId" required rules={[{ required: true, message: '请选择项目' }]}>
      <LeanSelect
        placeholder="请选择项目"
        loading={projects.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={projects.data?.map((p) => ({ value: p.id, label: p.name })) ?? []}
        onChange={() => form.setFieldsValue({ buildingId: null, unitId: null })}
      />
    </Form.Item>
  );
}

/** 楼栋 and 房号 of a project, each optional; the units follow the chosen building. */
export function BuildingUnitFields({ projectId }: { projectId: string | undefined }) {
  const form = Form.useFormInstance<LocationValues>();
  const buildingId = Form.useWatch('buildingId', form) ?? null;
  const buildings = useBuildings(projectId);
  const units = useUnitOptions(buildingId);

  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item label="楼栋" name="buildingId">
          <LeanSelect
            allowClear
            placeholder={projectId ? '请选择楼栋（可不选）' : '请先选择项目'}
            disabled={!projectId}
            loading={Boolean(projectId) && buildings.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={buildings.data?.map((b) => ({ value: b.id, label: b.name })) ?? []}
            onChange={() => form.setFieldsValue({ unitId: null })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="房号" name="unitId">
          <LeanSelect
            allowClear
            placeholder={buildingId ? '请选择房号（可不选）' : '请先选择楼栋'}
            disabled={!buildingId}
            loading={Boolean(buildingId) && units.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={units.data?.map((u) => ({ value: u.id, label: u.number })) ?? []}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
