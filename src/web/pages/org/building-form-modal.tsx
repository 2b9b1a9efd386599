import { App, Form, Input, InputNumber } from 'antd';
import type { Building } from '../../../common/contracts/org.ts';
import { buildingCreate } from '../../../common/contracts/org.ts';
import type { BuildingCreateBody } from '../../data/hooks/org.ts';
import { useSaveBuilding } from '../../data/hooks/org.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';

type BuildingFormModalProps = {
  projectId: string;
  building?: Building;
  onClose: () => void;
  onSaved?: (building: Building) => void;
};

export function BuildingFormModal({ projectId, building, onClose, onSaved }: BuildingFormModalProps) {
  const [form] = Form.useForm<BuildingCreateBody>();
  const save = useSaveBuilding(projectId);
  const { message } = App.useApp();

  return (
    <FormModal<BuildingCreateBody>
      title={building ? '编辑楼栋' : '新建楼栋'}
      form={form}
      width={440}
      initialValues={building ? { name: building.name, floors: building.floors } : undefined}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = building
          ? await save.mutateAsync({ id: building.id, body: { ...values, version: building.version } })
          : await save.mutateAsync({ body: values });
        void message.success(building ? '楼栋已保存' : '楼栋已创建');
        onSaved?.(saved);
      }}
    >
      <Form.Item label="楼栋名称" name="name" required rules={[schemaRule(buildingCreate.shape.name, '请输入楼栋名称')]}>
        <Input maxLength={32} placeholder="如：1号楼" />
      </Form.Item>
      <Form.Item label="楼层数" name="floors" required rules={[schemaRule(buildingCreate.shape.floors, '请输入楼层数')]}>
        <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} placeholder="地上楼层数，1–200" />
      </Form.Item>
    </FormModal>
  );
}
