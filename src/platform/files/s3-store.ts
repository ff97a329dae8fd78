// The S3-compatible file store (issue 12 §1; MOTCUA_FILES_STORE=s3): each content is one object
// under its sha-256 key, written with the official AWS SDK v3 client, so that any S3-compatible
// service (AWS, MinIO, Ceph, a provincial data centre's object storage) can keep the bytes. The
// temporary files of uploads being received stay on the local disk (`tempDir`).
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3Settings } from '../config';
import { FileMissingError, isStorageKey, type FileStore } from './store';

const isMissing = (e: unknown): boolean =>
  e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata.httpStatusCode === 404);

export function s3FileStore(settings: S3Settings, client = s3ClientOf(settings)): FileStore {
  const keyOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return key;
  };
  const bucket = settings.bucket;
  return {
    kind: 's3',
    tempDir: settings.tempDir,
    async put(tempPath, key, mediaType) {
      try {
        // the same key holds the same bytes: a content already stored is not sent again
        const stored = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(key) })).then(() => true, (e: unknown) => {
          if (isMissing(e)) return false;
          throw e;
        });
        if (stored) return;
        const { size } = await fs.stat(tempPath);
        await client.send(new PutObjectCommand({
          Bucket: bucket, Key: key, Body: createReadStream(tempPath), ContentLength: size, ContentType: mediaType,
        }));
      } finally {
        await fs.rm(tempPath, { force: true });
      }
    },
    async open(key): Promise<Readable> {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) })).catch((e: unknown) => {
        throw isMissing(e) ? new FileMissingError(key) : e;
      });
      if (answer.Body === undefined) throw new FileMissingError(key);
      return answer.Body as Readable;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key !== undefined && isStorageKey(o.Key)) yield o.Key;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },
  };
}

export function s3ClientOf(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // checksums only where S3 requires them: the SDK's default trailing checksums (aws-chunked
    // uploads) are not understood by several S3-compatible servers
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
