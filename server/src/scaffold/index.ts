export { assignedTasks, assignmentRange, type AssignedTask } from './assigned-tasks';
export { issuerProfile, type IssuerProfile } from './issuer-profile';
export { newPlan, type NewPlan, type NewPlanOptions } from './new-plan';
export { cascadeOf, citedParents, smallerScope, type CitedParent } from './parents';
