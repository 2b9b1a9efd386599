import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Building } from '../../../common/contracts/org.ts';
import { unitBatchCreate } from '../../../common/contracts/org.ts';
import type { UnitBatchBody, UnitBatchResult } from '../../data/hooks/org.ts';
import { useBatchCreateUnits } from '../../data/hooks/org.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaRule } from '../../lib/form-rules.ts';
import { MoneyInput } from './money-input.tsx';

type UnitBatchModalProps = {
  building: Building;
  onClose: () => void;
  onGenerated: (result: UnitBatchResult) => void;
};

export function UnitBatchModal({ building, onClose, onGenerated }: UnitBatchModalProps) {
  const [form] = Form.useForm<UnitBatchBody>();
  const batch = useBatchCreateUnits(building.id);
  const shape = unitBatchCreate.shape;

  return (
    <FormModal<UnitBatchBody>
      title={`批量生成房源 · ${building.name}`}
      form={form}
      initialValues={{ floorFrom: 1, floorTo: building.floors }}
      onClose={onClose}
      onSubmit={async (values) => {
        onGenerated(await batch.mutateAsync(values));
      }}
    >
      <Typography.Paragraph type="secondary">
        按楼层和每层户数生成房号（如 12 层第 1 户为 1201），已存在的房号会自动跳过。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label="起始楼层" name="floorFrom" required rules={[schemaRule(shape.floorFrom, '请输入起始楼层')]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="结束楼层"
            name="floorTo"
            required
            dependencies={['floorFrom']}
            rules={[
              schemaRule(shape.floorTo, '请输入结束楼层'),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  const from: unknown = getFieldValue('floorFrom');
                  if (typeof value === 'number' && typeof from === 'number' && value < from) {
                    // The contract's refinement, checked as soon as both floors are filled.
                    throw new Error('结束楼层不能低于起始楼层');
                  }
                },
              }),
            ]}
          >
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="每层户数" name="unitsPerFloor" required rules={[schemaRule(shape.unitsPerFloor, '请输入每层户数')]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} placeholder="1–20" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="户型" name="layout" required rules={[schemaRule(shape.layout, '请输入户型')]}>
            <Input maxLength={32} placeholder="如：三室两厅" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="面积（㎡）" name="area" required rules={[schemaRule(shape.area, '请输入面积')]}>
            <InputNumber min={0.01} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="列表价（元）" name="listPrice" required rules={[schemaRule(shape.listPrice, '请输入列表价')]}>
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
