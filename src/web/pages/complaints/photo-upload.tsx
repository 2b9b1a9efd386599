import { PlusOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { App, Upload } from 'antd';
import type { z } from 'zod';
import type { attachmentInput } from '../../../common/contracts/complaints.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../../common/contracts/complaints.ts';

export type AttachmentInput = z.infer<typeof attachmentInput>;
/** A photo read in the browser: what the API takes, plus its data URL for the thumbnail. */
export type PhotoValue = AttachmentInput & { uid: string; dataUrl: string };

const TYPES: readonly AttachmentInput['contentType'][] = ['image/jpeg', 'image/png', 'image/webp'];
const isAllowedType = (type: string): type is AttachmentInput['contentType'] => (TYPES as readonly string[]).includes(type);

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('读取图片失败'));
    reader.readAsDataURL(file);
  });
}

export function toAttachments(photos: PhotoValue[] | undefined): AttachmentInput[] {
  return (photos ?? []).map(({ fileName, contentType, dataBase64 }) => ({ fileName, contentType, dataBase64 }));
}

type PhotoUploadProps = { id?: string; value?: PhotoValue[]; onChange?: (value: PhotoValue[]) => void };

/**
 * 现场照片: JPG/PNG/WebP up to 2 MB each, at most five. Files are read in the browser as base64
 * (the complaint is sent as JSON); nothing is uploaded by the component itself.
 */
export function PhotoUpload({ id, value = [], onChange }: PhotoUploadProps) {
  const { message } = App.useApp();

  const add = async (batch: File[]) => {
    const room = MAX_ATTACHMENTS - value.length;
    const accepted: File[] = [];
    for (const file of batch) {
      if (!isAllowedType(file.type)) void message.error(`${file.name}：仅支持 JPG、PNG、WebP 图片`);
      else if (file.size > MAX_ATTACHMENT_BYTES) void message.error(`${file.name}：单张图片不能超过 2 MB`);
      else accepted.push(file);
    }
    if (accepted.length > room) void message.warning(`最多上传 ${MAX_ATTACHMENTS} 张图片，多出的已忽略`);
    const taken = accepted.slice(0, Math.max(0, room));
    if (taken.length === 0) return;
    try {
      const read = await Promise.all(
        taken.map(async (file, index): Promise<PhotoValue> => {
          const dataUrl = await readDataUrl(file);
          return {
            uid: `${Date.now()}-${index}-${file.name}`,
            fileName: file.name.slice(-120),
            contentType: file.type as AttachmentInput['contentType'],
            dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1),
            dataUrl,
          };
        }),
      );
      onChange?.([...value, ...read]);
    } catch {
      void message.error('读取图片失败，请重试');
    }
  };

  const fileList: UploadFile[] = value.map((photo) => ({
    uid: photo.uid,
    name: photo.fileName,
    status: 'done',
    url: photo.dataUrl,
    thumbUrl: photo.dataUrl,
  }));

  return (
    <Upload
      id={id}
      listType="picture-card"
      accept={TYPES.join(',')}
      multiple
      fileList={fileList}
      beforeUpload={(file, batch) => {
        // The whole batch is read once, with its first file, so no photo is lost to a stale list.
        if (file === batch[0]) void add(batch);
        return Upload.LIST_IGNORE;
      }}
      onRemove={(file) => {
        onChange?.(value.filter((photo) => photo.uid !== file.uid));
        return true;
      }}
      showUploadList={{ showPreviewIcon: false }}
    >
      {value.length < MAX_ATTACHMENTS && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传照片</div>
        </button>
      )}
    </Upload>
  );
}
