/** The parameters a route path names, in order: `/initiatives/:id/goals/:goalId` → `["id", "goalId"]`. */
export const pathParameters = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
