import 'jszip';

/** `ZipObject#internalStream` is public JSZip API (documented since 3.0) that its typings leave out. */
declare module 'jszip' {
  interface JSZipStreamHelper {
    on(event: 'data', listener: (chunk: Uint8Array, metadata: { percent: number }) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'end', listener: () => void): this;
    resume(): this;
    pause(): this;
  }
  interface JSZipObject {
    internalStream(type: 'uint8array'): JSZipStreamHelper;
  }
}
