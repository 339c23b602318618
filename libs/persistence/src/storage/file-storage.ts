export interface StoredFile {
  /** Where the bytes live, relative to the store; never derived from a user's file name. */
  key: string;
  sha256: string;
  sizeBytes: number;
}

/** Content-addressed file store. A directory implements it here; an S3-compatible store could replace it. */
export interface FileStorage {
  put(bytes: Uint8Array): Promise<StoredFile>;
  /**
   * Moves a file already written on the store's file system (an upload staged while it arrived, its digest computed
   * on the way) into the store; the file at `path` is gone afterwards, stored or, when the content is there already,
   * removed.
   */
  putFile(path: string, digest: { sha256: string; sizeBytes: number }): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
}

/** Injection token for the FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
