import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div className="center-fill">
      <Spin description="加载中…" />
    </div>
  );
}
