/** The formats a plan is exported to, by their file extension: a module of their own, which the CLI's usage lists without loading the export. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
