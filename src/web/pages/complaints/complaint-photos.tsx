import { Image, Space, Typography } from 'antd';
import type { ComplaintDetail } from '../../../common/contracts/complaints.ts';
import { attachmentUrl } from '../../data/hooks/complaints.ts';

/** The complaint's photos as thumbnails; a click opens the large view (and the others beside it). */
export function ComplaintPhotos({ complaint: c }: { complaint: ComplaintDetail }) {
  if (c.attachments.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {c.attachments.map((a) => (
          <Image
            key={a.id}
            src={attachmentUrl(c.id, a.id)}
            alt={a.fileName}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 6 }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
