import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { DAY_FORMAT, PERIOD_PRESETS } from '../lib/period.ts';

/** 「统计期间」: a range of days with 本月/上月/本年 presets; never empty. */
export function PeriodPicker({ value, onChange }: { value: [Dayjs, Dayjs]; onChange: (range: [Dayjs, Dayjs]) => void }) {
  return (
    <DatePicker.RangePicker
      aria-label="统计期间"
      allowClear={false}
      format={DAY_FORMAT}
      placeholder={['开始日期', '结束日期']}
      presets={PERIOD_PRESETS}
      value={value}
      onChange={(range) => {
        if (range?.[0] && range[1]) onChange([range[0], range[1]]);
      }}
    />
  );
}
