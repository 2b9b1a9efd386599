import { sql, type SQL } from 'drizzle-orm';

// The sales module's door for the customers module: "this prospect has an active deal" as a
// condition on a project-interest id (a prospect holding a unit is not returned to the pool).
export function hasActiveDeal(interestId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM deals d WHERE d.interest_id = ${interestId} AND d.status = 'active')`;
}
