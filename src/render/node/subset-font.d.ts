// subset-font ships no types; chiso uses this much of it.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2';
    keepFeatures?: string[];
    noHinting?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Uint8Array>;
}
