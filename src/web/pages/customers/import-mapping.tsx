import type { TableProps } from 'antd';
import { Table, Typography } from 'antd';
import type { ImportPreview } from '../../data/hooks/customer-imports.ts';
import { LeanSelect } from '../../components/lean-select.tsx';

// Customer fields a file column can be imported as (the server's names).
export const IMPORT_FIELDS: { value: string; label: string }[] = [
  { value: 'name', label: '姓名' },
  { value: 'mobile', label: '手机号' },
  { value: 'gender', label: '性别' },
  { value: 'ageBand', label: '年龄段' },
  { value: 'idNumber', label: '身份证号' },
  { value: 'sourceChannel', label: '来源渠道' },
  { value: 'tags', label: '标签' },
  { value: 'grade', label: '等级' },
  { value: 'stage', label: '阶段' },
  { value: 'buyerType', label: '客户类型' },
  { value: 'familySegment', label: '家庭细分' },
  { value: 'needLayout', label: '需求户型' },
  { value: 'needAreaMin', label: '面积下限（㎡）' },
  { value: 'needAreaMax', label: '面积上限（㎡）' },
  { value: 'budgetMin', label: '预算下限（万元）' },
  { value: 'budgetMax', label: '预算上限（万元）' },
  { value: 'purpose', label: '置业用途' },
  { value: 'paymentMethod', label: '付款方式' },
  { value: 'focusFactors', label: '关注因素' },
  { value: 'occupation', label: '职业' },
  { value: 'familyStructure', label: '家庭结构' },
  { value: 'incomeBand', label: '收入水平' },
  { value: 'residenceArea', label: '居住区域' },
  { value: 'workArea', label: '工作区域' },
  { value: 'decisionMaker', label: '决策人' },
  { value: 'decisionCycle', label: '决策周期' },
  { value: 'competingProjects', label: '竞品项目' },
  { value: 'referrerName', label: '推荐人' },
];

export const REQUIRED_IMPORT_FIELDS = ['name', 'mobile'];

export function importFieldLabel(value: string): string {
  return IMPORT_FIELDS.find((field) => field.value === value)?.label ?? value;
}

type Row = { column: string; index: number; samples: string[] };

type ImportMappingProps = {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
};

/** One row per file column: sample values and the customer field it goes into (or 「不导入」). */
export function ImportMapping({ preview, mapping, onChange }: ImportMappingProps) {
  // The server may suggest a field this list does not know yet: keep it choosable.
  const known = new Set(IMPORT_FIELDS.map((field) => field.value));
  const extra = Object.values(preview.suggested)
    .filter((value) => value && !known.has(value))
    .map((value) => ({ value, label: value }));
  const allFields = [...IMPORT_FIELDS, ...extra];

  const rows: Row[] = preview.columns.map((column, index) => ({
    column,
    index,
    samples: preview.sample
      .map((row) => row[index] ?? '')
      .filter((value) => value.trim() !== '')
      .slice(0, 3),
  }));

  const columns: TableProps<Row>['columns'] = [
    { title: '文件中的列', dataIndex: 'column', render: (column: string) => <Typography.Text strong>{column}</Typography.Text> },
    {
      title: '示例数据',
      key: 'samples',
      render: (_: unknown, row) =>
        row.samples.length > 0 ? (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
            {row.samples.join(' / ')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">（空）</Typography.Text>
        ),
    },
    {
      title: '导入为',
      key: 'field',
      render: (_: unknown, row) => {
        const usedElsewhere = new Set(
          Object.entries(mapping)
            .filter(([column, field]) => column !== row.column && field)
            .map(([, field]) => field),
        );
        return (
          <LeanSelect
            allowClear
            placeholder="不导入"
            aria-label={`「${row.column}」导入为`}
            style={{ minWidth: 170 }}
            value={mapping[row.column] || undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={allFields.map((field) => ({
              ...field,
              label: REQUIRED_IMPORT_FIELDS.includes(field.value) ? `${field.label}（必填）` : field.label,
              disabled: usedElsewhere.has(field.value),
            }))}
            onChange={(value: string | undefined) => {
              const next = { ...mapping };
              if (value) next[row.column] = value;
              else delete next[row.column];
              onChange(next);
            }}
          />
        );
      },
    },
  ];

  return (
    <Table<Row>
      rowKey={(row) => `${row.index}:${row.column}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
