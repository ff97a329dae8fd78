// The file store the configuration names: the folder under the data folder, or S3.
import type { FileSettings } from '../config';
import { folderFileStore } from './folder-store';
import type { FileStore } from './store';

export function fileStoreOf(settings: FileSettings): FileStore {
  switch (settings.store.kind) {
    case 'folder': return folderFileStore(settings.store.dir);
    case 's3': throw new Error('MOTCUA_FILES_STORE=s3: chưa hỗ trợ trong bản này');
  }
}
