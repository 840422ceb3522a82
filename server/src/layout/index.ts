export * from './layout-model';
export { layoutPlan } from './layout-plan';
export { estimateBlockHeightMm, estimateLines, estimateTextWidthMm, MM_PER_PT, SINGLE_LINE_EM } from './measure';
