// The file store the configuration names: the folder under the data folder, or S3.
import type { FileSettings } from '../config';
import { folderFileStore } from './folder-store';
import { s3FileStore } from './s3-store';
import type { FileStore } from './store';

export function fileStoreOf(settings: FileSettings): FileStore {
  switch (settings.store.kind) {
    case 'folder': return folderFileStore(settings.store.dir);
    case 's3': return s3FileStore(settings.store);
  }
}
