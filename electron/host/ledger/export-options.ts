export interface ExportOptions {
  /** Personal numbers and names are masked unless an authorised export turns this off. */
  mask?: boolean;
}
