/**
 * A borderless table of one or two columns and few rows lays out the header
 * (issuing body beside the Quốc hiệu, `Số:` beside place and date) or the
 * closing (`Nơi nhận:` beside the signature): every reader takes its cells
 * column by column, as paragraphs, rather than as a table of the plan.
 */
export function isLayoutTable(columns: number, rows: number): boolean {
  return columns <= 2 && rows <= 3;
}
