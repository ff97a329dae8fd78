// One paper's file uploaded with its progress (POST /api/v1/files, multipart field "file"): XHR,
// because fetch reports no upload progress, and a citizen on a slow phone line wants to see it move.
import { ApiError, clientErrorCodes } from '../api/client';

export interface UploadedFile {
  readonly id: number;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/** Uploads `file`; `onProgress` gets 0–100. Rejects with the server's code and Vietnamese message. */
export function uploadWithProgress(file: File, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => reject(new ApiError(0, clientErrorCodes.network, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
    xhr.onload = () => {
      let body: unknown;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined; } catch { body = undefined; }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(100); resolve(body as UploadedFile); return; }
      const e = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, e?.code ?? clientErrorCodes.badResponse, e?.message ?? 'Máy chủ không nhận tệp. Vui lòng thử lại.'));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
