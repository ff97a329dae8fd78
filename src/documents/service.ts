// The documents capability's public use cases (issue 12). Other capabilities call these.
export { assertMayUpload, composeFile, downloadFile, fileMeta, isUploader, openFile, storeFile, uploadFile, type UploadClaim } from './files-service';
export type { FileMeta, FileReader, FilesContext, FilesDeps } from './model';
export { papersHeldFor } from './store';
