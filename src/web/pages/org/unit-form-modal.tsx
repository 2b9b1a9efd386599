import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Unit } from '../../../common/contracts/org.ts';
import { UNIT_STATUS_LABELS, UNIT_STATUSES, unitCreate } from '../../../common/contracts/org.ts';
import type { UnitCreateBody } from '../../data/hooks/org.ts';
import { useSaveUnit } from '../../data/hooks/org.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { MoneyInput } from './money-input.tsx';

export const UNIT_STATUS_OPTIONS = UNIT_STATUSES.map((value) => ({ value, label: UNIT_STATUS_LABELS[value] }));

type UnitFormModalProps = { buildingId: string; unit?: Unit; onClose: () => void };

export function UnitFormModal({ buildingId, unit, onClose }: UnitFormModalProps) {
  const [form] = Form.useForm<UnitCreateBody>();
  const save = useSaveUnit(buildingId);
  const { message } = App.useApp();
  const shape = unitCreate.shape;

  return (
    <FormModal<UnitCreateBody>
      title={unit ? `编辑房源 ${unit.number}` : '新增房源'}
      form={form}
      initialValues={
        unit
          ? {
              number: unit.number,
              floor: unit.floor,
              layout: unit.layout,
              area: unit.area,
              listPrice: unit.listPrice,
              status: unit.status,
            }
          : { status: 'available' }
      }
      onClose={onClose}
      onSubmit={async (values) => {
        if (unit) await save.mutateAsync({ id: unit.id, body: { ...values, version: unit.version } });
        else await save.mutateAsync({ body: values });
        void message.success(unit ? '房源已保存' : '房源已添加');
      }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="房号" name="number" required rules={[schemaRule(shape.number, '请输入房号')]}>
            <Input maxLength={16} placeholder="如：1201" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="楼层" name="floor" required rules={[schemaRule(shape.floor, '请输入楼层')]}>
            <InputNumber min={-5} max={200} precision={0} style={{ width: '100%' }} placeholder="如：12" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="户型" name="layout" required rules={[schemaRule(shape.layout, '请输入户型')]}>
            <Input maxLength={32} placeholder="如：三室两厅两卫" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="面积（㎡）" name="area" required rules={[schemaRule(shape.area, '请输入面积')]}>
            <InputNumber min={0.01} max={10000} style={{ width: '100%' }} placeholder="建筑面积" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="列表价（元）" name="listPrice" required rules={[schemaRule(shape.listPrice, '请输入列表价')]}>
            <MoneyInput placeholder="总价" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="房源状态" name="status" required rules={[schemaRule(shape.status, '请选择房源状态')]}>
            <Select options={UNIT_STATUS_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
