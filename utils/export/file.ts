// What an export produces: a named text file with its media type, ready to download.
export interface ExportFile {
  name: string;
  type: string;
  text: string;
}
